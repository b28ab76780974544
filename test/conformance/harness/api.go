// Package harness hosts plugins with Mattermost's own plugin supervisor
// (plugin.Environment) and answers their API calls from memory.
package harness

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// ServerVersion is what GetServerVersion answers.
const ServerVersion = "10.11.0-conformance"

// LogEntry is one LogDebug/LogInfo/LogWarn/LogError call made by a plugin.
type LogEntry struct {
	Level   string
	Message string
	Fields  map[string]string
}

// Store is the state behind one plugin's API. It survives plugin restarts.
type Store struct {
	mu       sync.Mutex
	now      int64 // the harness clock in ms (StartMillis, moved by Advance)
	kv       map[string]kvEntry
	commands map[string]*model.Command
	logs     []LogEntry
	calls    map[string]int
	world    *world
	rec      records
}

func newStore() *Store {
	return &Store{now: StartMillis, kv: map[string]kvEntry{}, commands: map[string]*model.Command{}, calls: map[string]int{},
		world: newWorld()}
}

// Command returns the registered command with that trigger.
func (s *Store) Command(trigger string) *model.Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[trigger]
}

// Calls returns how often the plugin called the named API method.
func (s *Store) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Logs returns a copy of the recorded log entries.
func (s *Store) Logs() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]LogEntry(nil), s.logs...)
}

// HookLogs returns the LogDebug("hook", "name", hook, ...) entries for hook.
func (s *Store) HookLogs(hook string) []LogEntry {
	var out []LogEntry
	for _, e := range s.Logs() {
		if e.Level == "debug" && e.Message == "hook" && e.Fields["name"] == hook {
			out = append(out, e)
		}
	}
	return out
}

// ResetLogs drops the recorded log entries (the bench does this between runs).
func (s *Store) ResetLogs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logs = nil
}

func (s *Store) count(method string) {
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
}

// API answers the plugin API calls the conformance plugins make. Every other
// method panics (the embedded interface is nil), which fails the run loudly.
type API struct {
	plugin.API
	store *Store
}

func (a *API) GetServerVersion() string {
	a.store.count("GetServerVersion")
	return ServerVersion
}

func (a *API) RegisterCommand(command *model.Command) error {
	a.store.count("RegisterCommand")
	if command == nil || command.Trigger == "" {
		return fmt.Errorf("command without trigger")
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.commands[command.Trigger] = command
	return nil
}

// UnregisterCommand matches Mattermost: a missing trigger is no error.
func (a *API) UnregisterCommand(teamID, trigger string) error {
	a.store.count("UnregisterCommand")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	if c, ok := a.store.commands[trigger]; ok && c.TeamId == teamID {
		delete(a.store.commands, trigger)
	}
	return nil
}

func (a *API) LogDebug(msg string, kv ...any) { a.log("debug", msg, kv) }
func (a *API) LogInfo(msg string, kv ...any)  { a.log("info", msg, kv) }
func (a *API) LogWarn(msg string, kv ...any)  { a.log("warn", msg, kv) }
func (a *API) LogError(msg string, kv ...any) { a.log("error", msg, kv) }

func (a *API) log(level, msg string, kv []any) {
	a.store.count("Log")
	fields := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		fields[fmt.Sprint(kv[i])] = fmt.Sprint(kv[i+1])
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.logs = append(a.store.logs, LogEntry{Level: level, Message: msg, Fields: fields})
}

// The calls below are what the real OpenClaw bundle makes on activation (bundle_test.go).

// BotUserID is what EnsureBotUser answers.
const BotUserID = "conformancebotuserid0000000"

func (a *API) LoadPluginConfiguration(dest any) error {
	a.store.count("LoadPluginConfiguration")
	return json.Unmarshal([]byte("{}"), dest)
}

func (a *API) GetConfig() *model.Config {
	a.store.count("GetConfig")
	cfg := &model.Config{}
	cfg.SetDefaults()
	cfg.ServiceSettings.SiteURL = model.NewPointer("http://conformance.invalid")
	return cfg
}

// EnsureBotUser answers BotUserID; from then on the bot is a user of the world (GetUser).
func (a *API) EnsureBotUser(bot *model.Bot) (string, error) {
	a.store.count("EnsureBotUser")
	if bot == nil || bot.Username == "" {
		return "", fmt.Errorf("bot without username")
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.world.bot = &model.User{Id: BotUserID, Username: bot.Username, FirstName: bot.DisplayName, IsBot: true,
		BotDescription: bot.Description, Roles: "system_user", CreateAt: StartMillis}
	return BotUserID, nil
}
