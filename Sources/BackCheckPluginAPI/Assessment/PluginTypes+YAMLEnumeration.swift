public import BackCheckYAML

// The catalogue reads these straight from YAML, with "did you mean" on a typo.

extension InputSpec.InputType: YAMLEnumeration {}
extension Tier: YAMLEnumeration {}
extension Urgency: YAMLEnumeration {}
extension Profile.Sex: YAMLEnumeration {}
