package harness

import (
	"encoding/json"

	"github.com/mattermost/mattermost/server/public/model"
)

// RichPost is what GetPost(RichPostID) answers: a post with every field set and
// props of many kinds, including button attachments. A plugin that reads it,
// changes Message and writes it back with UpdatePost must lose nothing. Every
// value survives Go's own gob (non-nil pointers to non-zero values, no empty
// maps or slices), so any loss is the plugin's (TestRichPostGobStable).
// Each call returns a fresh value.
func RichPost() *model.Post {
	p := &model.Post{
		Id: RichPostID, CreateAt: StartMillis - 50, UpdateAt: StartMillis - 40, EditAt: StartMillis - 40,
		IsPinned: true, UserId: AliceID, ChannelId: ChannelID, OriginalId: fixedID("original"),
		Message: "rich post ✓", MessageSource: "rich post source", Type: "custom_conformance",
		Hashtags: "#conformance", Filenames: model.StringArray{"old-style.txt"}, FileIds: model.StringArray{FileID},
		PendingPostId: AliceID + ":1767225600000", HasReactions: true, RemoteId: model.NewPointer("remote-post"),
		ReplyCount: 2, LastReplyAt: StartMillis - 10, IsFollowing: model.NewPointer(true),
		Participants: []*model.User{richUser()},
		Metadata:     richMetadata(),
	}
	p.Props = model.StringInterface{
		"attachments": richAttachments(),
		"from_bot":    "true",
		"count":       7,
		"big":         int64(1) << 40,
		"ratio":       0.25,
		"whole":       float64(3), // a JSON number: must stay float64, not become an int
		"flag":        true,
		"list":        []any{"a", int64(2), false},
		"nested":      map[string]any{"level": map[string]any{"deep": "yes", "n": int64(-1)}},
		"tags":        []string{"x", "y"},
		"raw":         []byte{0, 1, 2, 255},
		"unicode":     "héllo ✓ 🚀",
	}
	return p
}

func richUser() *model.User {
	return &model.User{
		Id: AliceID, CreateAt: StartMillis - 5000, Username: "alice", AuthData: model.NewPointer("ldap-alice"),
		AuthService: "ldap", Email: "alice@conformance.invalid", EmailVerified: true, FirstName: "Alice", Roles: "system_user",
		Props: model.StringMap{"customStatus": "busy"}, NotifyProps: model.StringMap{"desktop": "all"},
		Timezone: model.StringMap{"useAutomaticTimezone": "true"}, RemoteId: model.NewPointer("remote-user"),
		LastActivityAt: StartMillis - 1, Locale: "en", MfaUsedTimestamps: model.StringArray{"1", "2"},
	}
}

// RichReaction is the reaction in RichPost's metadata: the one a plugin writes back with AddReaction.
func RichReaction() *model.Reaction {
	return &model.Reaction{UserId: BobID, PostId: RichPostID, EmojiName: "thumbsup", CreateAt: StartMillis - 30,
		UpdateAt: StartMillis - 20, RemoteId: model.NewPointer("remote-reaction"), ChannelId: ChannelID}
}

func richMetadata() *model.PostMetadata {
	md := &model.PostMetadata{
		Embeds: []*model.PostEmbed{
			{Type: model.PostEmbedPermalink, Data: &model.PreviewPost{
				PostID: RootPostID, TeamName: TeamName, ChannelDisplayName: "Town Square", ChannelType: model.ChannelTypeOpen,
				ChannelID: ChannelID, Post: &model.Post{Id: RootPostID, ChannelId: ChannelID, UserId: AliceID, Message: "thread root"},
			}},
			{Type: model.PostEmbedImage, URL: "https://conformance.invalid/cat.png"},
		},
		Emojis: []*model.Emoji{{Id: fixedID("emoji"), CreateAt: StartMillis - 9000, CreatorId: AliceID, Name: "conformance"}},
		Files: []*model.FileInfo{{
			Id: FileID, CreatorId: AliceID, PostId: RichPostID, ChannelId: ChannelID, CreateAt: StartMillis - 60,
			Path: "data/x/photo.png", ThumbnailPath: "data/x/photo_thumb.png", PreviewPath: "data/x/photo_preview.png",
			Name: "photo.png", Extension: "png", Size: 1234, MimeType: "image/png", Width: 640, Height: 480,
			HasPreviewImage: true, MiniPreview: &[]byte{9, 8, 7}, Content: "ocr text", RemoteId: model.NewPointer("remote-file"),
		}},
		Images:    map[string]*model.PostImage{"https://conformance.invalid/cat.png": {Width: 640, Height: 480, Format: "png", FrameCount: 1}},
		Reactions: []*model.Reaction{RichReaction()},
		Priority: &model.PostPriority{Priority: model.NewPointer("urgent"), RequestedAck: model.NewPointer(true),
			PersistentNotifications: model.NewPointer(true), PostId: RichPostID, ChannelId: ChannelID},
		Acknowledgements: []*model.PostAcknowledgement{{UserId: BobID, PostId: RichPostID, AcknowledgedAt: StartMillis - 5,
			ChannelId: ChannelID, RemoteId: model.NewPointer("remote-ack")}},
	}
	// Fields only the 11.x model has; on the 10.11 model json ignores them.
	mustUnmarshal(`{
		"redacted_file_count": 2, "expire_at": 1767229200000, "recipients": ["`+AliceID+`"],
		"translations": {"de": {"text": "reicher Beitrag", "type": "string", "state": "ready", "source_lang": "en"},
		                 "fr": {"object": {"t": "x"}, "type": "object", "state": "ready"}}
	}`, md)
	return md
}

func richAttachments() []*model.SlackAttachment {
	ctx := map[string]any{"request_id": "r1", "amount": int64(42), "urgent": true, "nested": map[string]any{"k": "v"}}
	integration := func(path string) *model.PostActionIntegration {
		return &model.PostActionIntegration{URL: "/plugins/conformance/" + path, Context: ctx}
	}
	actions := []*model.PostAction{
		{Id: "approve", Type: model.PostActionTypeButton, Name: "Approve ✓", Style: "primary", Integration: integration("approve"), Cookie: "cookie-1"},
		{Id: "choose", Type: model.PostActionTypeSelect, Name: "Choose", Options: []*model.PostActionOptions{{Text: "One", Value: "1"}, {Text: "Two", Value: "2"}},
			DefaultOption: "2", Integration: integration("choose")},
		{Id: "users", Type: model.PostActionTypeSelect, Name: "Pick user", DataSource: "users", Integration: integration("users")},
		{Id: "off", Type: model.PostActionTypeButton, Name: "Disabled", Disabled: true, Style: "danger", Integration: integration("off")},
	}
	// PostAction.Tooltip exists in the 11.x model only.
	for _, a := range actions {
		mustUnmarshal(`{"tooltip": "Tooltip of `+a.Id+`"}`, a)
	}
	return []*model.SlackAttachment{
		{Id: 1, Fallback: "fallback", Color: "#3AA3E3", Pretext: "pretext", AuthorName: "Conformance", AuthorLink: "https://conformance.invalid/a",
			AuthorIcon: "https://conformance.invalid/a.png", Title: "Title ✓", TitleLink: "https://conformance.invalid/t", Text: "attachment text",
			Fields:   []*model.SlackAttachmentField{{Title: "Status", Value: "open", Short: true}, {Title: "Count", Value: int64(3)}},
			ImageURL: "https://conformance.invalid/i.png", ThumbURL: "https://conformance.invalid/th.png", Footer: "footer",
			FooterIcon: "https://conformance.invalid/f.png", Timestamp: int64(1767225600), Actions: actions},
		{Id: 2, Text: "second", Timestamp: "2026-01-01T00:00:00Z"},
	}
}

func mustUnmarshal(data string, v any) {
	if err := json.Unmarshal([]byte(data), v); err != nil {
		panic(err)
	}
}
