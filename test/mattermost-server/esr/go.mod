// Pins the Mattermost server module for the "10.11 ESR" test bed. The module
// proxy serves no commit of the release-10.11 branch, so this is the closest
// commit it does serve; ../PINS.md says exactly what that is. Nothing here is
// our code: the module only makes `go build .../cmd/mattermost` reproducible.
module openclaw.test/mattermost-server/esr

go 1.24.11

require (
	github.com/mattermost/mattermost/server/v8 v8.0.0-20251014075701-833e0125320d
	// server/public as of the same days (tag of 2025-10-16, reports 11.1.0):
	// the server commit itself only asks for v0.1.12, which predates APIs it uses.
	github.com/mattermost/mattermost/server/public v0.1.21
)

// Repeated from the server's own go.mod (replaces are not inherited).
replace github.com/olekukonko/tablewriter => github.com/olekukonko/tablewriter v0.0.5
