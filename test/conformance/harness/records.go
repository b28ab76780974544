package harness

import "github.com/mattermost/mattermost/server/public/model"

// records are the values plugins wrote through the API, exactly as they arrived.
type records struct {
	updatedPosts     []*model.Post
	addedReactions   []*model.Reaction
	removedReactions []*model.Reaction
	typing           []Typing
	cluster          []ClusterSend
}

func snapshot[T any](s *Store, pick func(*records) []T) []T {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]T(nil), pick(&s.rec)...)
}

// UpdatedPosts are the posts passed to UpdatePost.
func (s *Store) UpdatedPosts() []*model.Post {
	return snapshot(s, func(r *records) []*model.Post { return r.updatedPosts })
}

// AddedReactions are the reactions passed to AddReaction.
func (s *Store) AddedReactions() []*model.Reaction {
	return snapshot(s, func(r *records) []*model.Reaction { return r.addedReactions })
}

// RemovedReactions are the reactions passed to RemoveReaction.
func (s *Store) RemovedReactions() []*model.Reaction {
	return snapshot(s, func(r *records) []*model.Reaction { return r.removedReactions })
}

// TypingEvents are the PublishUserTyping calls.
func (s *Store) TypingEvents() []Typing {
	return snapshot(s, func(r *records) []Typing { return r.typing })
}

// ClusterSends are the PublishPluginClusterEvent calls.
func (s *Store) ClusterSends() []ClusterSend {
	return snapshot(s, func(r *records) []ClusterSend { return r.cluster })
}
