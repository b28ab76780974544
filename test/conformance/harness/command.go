package harness

import "github.com/mattermost/mattermost/server/public/model"

// AutocompleteCommand is what both conformance plugins register as /confauto: autocomplete
// arguments of every kind, which travel as *model.Autocomplete…Arg inside an interface.
func AutocompleteCommand() *model.Command {
	const role = model.SystemUserRoleId
	return &model.Command{
		Trigger: "confauto", DisplayName: "Conformance autocomplete", Description: "Autocomplete arguments of every kind",
		AutoComplete: true, AutoCompleteDesc: "Arguments of every kind", AutoCompleteHint: "[say|pick|fetch]",
		AutocompleteIconData: "data:image/svg+xml;base64,PHN2Zy8+",
		AutocompleteData: &model.AutocompleteData{
			Trigger: "confauto", Hint: "[say|pick|fetch]", HelpText: "Arguments of every kind", RoleID: role,
			SubCommands: []*model.AutocompleteData{
				{Trigger: "say", Hint: "[text]", HelpText: "Say something ✓", RoleID: role, Arguments: []*model.AutocompleteArg{
					{HelpText: "What to say", Type: model.AutocompleteArgTypeText, Required: true,
						Data: &model.AutocompleteTextArg{Hint: "text", Pattern: ".+"}},
					{Name: "times", HelpText: "How often", Type: model.AutocompleteArgTypeText,
						Data: &model.AutocompleteTextArg{Hint: "1-9", Pattern: "^[1-9]$"}},
				}},
				{Trigger: "pick", HelpText: "Pick a colour", RoleID: role, Arguments: []*model.AutocompleteArg{
					{Name: "color", HelpText: "The colour", Type: model.AutocompleteArgTypeStaticList,
						Data: &model.AutocompleteStaticListArg{PossibleArguments: []model.AutocompleteListItem{
							{Item: "red", Hint: "warm", HelpText: "Red ✓"}, {Item: "blue", HelpText: "Blue"}}}},
				}},
				{Trigger: "fetch", HelpText: "Fetch choices", RoleID: role, Arguments: []*model.AutocompleteArg{
					{HelpText: "A choice from the plugin", Type: model.AutocompleteArgTypeDynamicList, Required: true,
						Data: &model.AutocompleteDynamicListArg{FetchURL: "/plugins/conformance/autocomplete"}},
				}},
			},
		},
	}
}
