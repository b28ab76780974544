package harness

import (
	"fmt"
	"mime"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

func fileNotFound(where string) *model.AppError {
	return notFound(where, "app.file_info.get.app_error")
}

func (a *API) GetFileInfo(fileID string) (*model.FileInfo, *model.AppError) {
	a.store.count("GetFileInfo")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	if f := a.store.world.files[fileID]; f != nil {
		return f, nil
	}
	return nil, fileNotFound("GetFileInfo")
}

func (a *API) GetFile(fileID string) ([]byte, *model.AppError) {
	a.store.count("GetFile")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	if data, ok := a.store.world.content[fileID]; ok {
		return data, nil
	}
	return nil, fileNotFound("GetFileInfo")
}

// UploadFile stores the bytes and answers a FileInfo as the server's plugin upload does
// (creator "nouser", extension and MIME type from the name); ids are numbered so
// results are the same on every run.
func (a *API) UploadFile(data []byte, channelID, filename string) (*model.FileInfo, *model.AppError) {
	a.store.count("UploadFile")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	w := a.store.world
	if channelID != w.channel.Id {
		return nil, model.NewAppError("UploadFile", "api.file.upload_file.incorrect_channelId.app_error",
			map[string]any{"channelId": channelID}, "", http.StatusBadRequest)
	}
	w.uploads++
	id := fixedID(fmt.Sprintf("upload%d", w.uploads))
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(filename), "."))
	info := &model.FileInfo{
		Id: id, CreatorId: "nouser", ChannelId: channelID, CreateAt: a.store.now, UpdateAt: a.store.now,
		Path: "noteam/channels/" + channelID + "/users/nouser/" + id + "/" + filename,
		Name: filename, Extension: ext, Size: int64(len(data)), MimeType: mime.TypeByExtension("." + ext),
	}
	w.files[id] = info
	w.content[id] = append([]byte(nil), data...)
	return info, nil
}
