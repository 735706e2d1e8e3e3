import Testing

@Suite struct SkillsPlaceholder {}
