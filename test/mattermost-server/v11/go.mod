// Pins the Mattermost server module for the "latest 11.x" test bed. See ../PINS.md
// for what release this commit is. Nothing here is our code: the module only
// exists so `go build github.com/mattermost/mattermost/server/v8/cmd/mattermost`
// resolves the server and its dependencies reproducibly (go.sum).
module openclaw.test/mattermost-server/v11

go 1.24.11

require (
	github.com/mattermost/mattermost/server/v8 v8.0.0-20260113162330-9e1d4c2072c0
	// Same commit family as the server pin (master, 2026-01-13): keeps the
	// server's reported version (model/version.go) and the plugin API in step.
	github.com/mattermost/mattermost/server/public v0.1.22-0.20260113165922-8e4cadbc88ee
)

// The server's own go.mod carries this replace; replaces are not inherited from
// dependencies, so it is repeated here or the build breaks on tablewriter's API.
replace github.com/olekukonko/tablewriter => github.com/olekukonko/tablewriter v0.0.5
