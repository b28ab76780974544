package harness

import (
	"sort"

	"github.com/mattermost/mattermost/server/public/model"
)

// Posts and reactions. What the plugin writes is recorded exactly as it arrived
// (records.go), before the harness stamps it, so tests can compare it field by field.

func postNotFound(where string) *model.AppError {
	return notFound(where, "app.post.get.app_error")
}

func (a *API) GetPost(postID string) (*model.Post, *model.AppError) {
	a.store.count("GetPost")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	if p := a.store.world.posts[postID]; p != nil {
		return p, nil
	}
	return nil, postNotFound("GetSinglePost")
}

// GetPostThread answers the thread of any of its posts, newest first (Mattermost's order).
func (a *API) GetPostThread(postID string) (*model.PostList, *model.AppError) {
	a.store.count("GetPostThread")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	p := a.store.world.posts[postID]
	if p == nil {
		return nil, postNotFound("GetPostThread")
	}
	root := p.Id
	if p.RootId != "" {
		root = p.RootId
	}
	list := model.NewPostList()
	for _, q := range a.store.world.posts {
		if q.Id == root || q.RootId == root {
			list.AddPost(q)
			list.AddOrder(q.Id)
		}
	}
	sort.Slice(list.Order, func(i, j int) bool { return list.Posts[list.Order[i]].CreateAt > list.Posts[list.Order[j]].CreateAt })
	return list, nil
}

// UpdatePost stores the post with EditAt/UpdateAt stamped, as the server does.
func (a *API) UpdatePost(post *model.Post) (*model.Post, *model.AppError) {
	a.store.count("UpdatePost")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.rec.updatedPosts = append(a.store.rec.updatedPosts, post)
	if a.store.world.posts[post.Id] == nil {
		return nil, postNotFound("UpdatePost")
	}
	stored := post.Clone()
	stored.EditAt, stored.UpdateAt = a.store.now, a.store.now
	a.store.world.posts[post.Id] = stored
	return stored, nil
}

// AddReaction answers the reaction with UpdateAt stamped (Reaction.PreSave).
func (a *API) AddReaction(reaction *model.Reaction) (*model.Reaction, *model.AppError) {
	a.store.count("AddReaction")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.rec.addedReactions = append(a.store.rec.addedReactions, reaction)
	if a.store.world.posts[reaction.PostId] == nil {
		return nil, postNotFound("SaveReactionForPost")
	}
	saved := *reaction
	saved.UpdateAt = a.store.now
	return &saved, nil
}

func (a *API) RemoveReaction(reaction *model.Reaction) *model.AppError {
	a.store.count("RemoveReaction")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.rec.removedReactions = append(a.store.rec.removedReactions, reaction)
	if a.store.world.posts[reaction.PostId] == nil {
		return postNotFound("DeleteReactionForPost")
	}
	return nil
}
