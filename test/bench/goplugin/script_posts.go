package main

import "github.com/mattermost/mattermost/server/public/model"

// Posts, reactions and files of the API script (api-script.ts: postSteps, fileSteps).

func (p *confPlugin) postSteps(s *script, w world) {
	post, err := p.API.GetPost(w.Root)
	var summary any
	if post != nil {
		summary = map[string]any{"id": post.Id, "message": post.Message, "root_id": post.RootId, "reply_count": post.ReplyCount}
	}
	s.app("GetPost", summary, err)
	_, err = p.API.GetPost(w.Missing)
	s.app("GetPost missing", nil, err)
	list, err := p.API.GetPostThread(w.Reply)
	summary = nil
	if list != nil {
		messages := []string{}
		for _, id := range list.Order {
			messages = append(messages, list.Posts[id].Message)
		}
		summary = map[string]any{"order": append([]string{}, list.Order...), "messages": messages}
	}
	s.app("GetPostThread", summary, err)
	_, err = p.API.GetPostThread(w.Missing)
	s.app("GetPostThread missing", nil, err)

	// Read, change one field, write back: everything else must arrive unchanged (the suite checks).
	rich, err := p.API.GetPost(w.Rich)
	summary = nil
	if rich != nil {
		summary = map[string]any{"id": rich.Id, "props": len(rich.Props)}
	}
	if s.app("GetPost rich", summary, err) {
		rich.Message = "edited ✓ by conformance"
		updated, err := p.API.UpdatePost(rich)
		summary = nil
		if updated != nil {
			summary = map[string]any{"id": updated.Id, "message": updated.Message, "edit_at": updated.EditAt}
		}
		s.app("UpdatePost rich", summary, err)
		// A reaction read elsewhere (in the post's metadata), written back as it came.
		if rich.Metadata != nil && len(rich.Metadata.Reactions) > 0 {
			reaction := rich.Metadata.Reactions[0]
			r, err := p.API.AddReaction(reaction)
			summary = nil
			if r != nil {
				summary = map[string]any{"user_id": r.UserId, "emoji_name": r.EmojiName, "channel_id": r.ChannelId,
					"remote_id": deref(r.RemoteId), "create_at": r.CreateAt, "update_at": r.UpdateAt}
			}
			s.app("AddReaction", summary, err)
			s.app("RemoveReaction", nil, p.API.RemoveReaction(reaction))
		}
	}
	_, err = p.API.UpdatePost(&model.Post{Id: w.Missing, ChannelId: w.Channel, Message: "nobody"})
	s.app("UpdatePost missing", nil, err)
	s.app("RemoveReaction missing", nil, p.API.RemoveReaction(&model.Reaction{UserId: w.Alice, PostId: w.Missing, EmojiName: "smile"}))
}

func (p *confPlugin) fileSteps(s *script, w world) {
	info, err := p.API.GetFileInfo(w.File)
	var summary any
	if info != nil {
		summary = map[string]any{"id": info.Id, "name": info.Name, "extension": info.Extension, "size": info.Size,
			"mime_type": info.MimeType, "channel_id": info.ChannelId}
	}
	s.app("GetFileInfo", summary, err)
	_, err = p.API.GetFileInfo(w.Missing)
	s.app("GetFileInfo missing", nil, err)
	data, err := p.API.GetFile(w.File)
	s.app("GetFile", sha(data), err)
	_, err = p.API.GetFile(w.Missing)
	s.app("GetFile missing", nil, err)

	content := []byte("uploaded by conformance ✓\n")
	up, err := p.API.UploadFile(content, w.Channel, "Notes.TXT")
	summary = nil
	if up != nil {
		summary = map[string]any{"name": up.Name, "extension": up.Extension, "size": up.Size, "mime_type": up.MimeType,
			"channel_id": up.ChannelId, "creator_id": up.CreatorId, "create_at": up.CreateAt}
	}
	if s.app("UploadFile", summary, err) && up.Id != "" {
		info, err := p.API.GetFileInfo(up.Id)
		summary = nil
		if info != nil {
			summary = map[string]any{"same_id": info.Id == up.Id, "name": info.Name}
		}
		s.app("GetFileInfo uploaded", summary, err)
		data, err := p.API.GetFile(up.Id)
		s.app("GetFile uploaded", sha(data), err)
	}
	_, err = p.API.UploadFile(content, w.Missing, "x.txt")
	s.app("UploadFile missing channel", nil, err)
}
