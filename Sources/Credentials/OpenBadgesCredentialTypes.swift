/// The `type` values that make a credential one of Open Badges 3.0's or CLR 2.0's (rather than, say, a status list
/// secured the same way).
public enum OpenBadgesCredentialTypes {
    /// A badge someone earned.
    public static let earnedBadge: Set<String> = ["OpenBadgeCredential", "AchievementCredential"]
    public static let endorsement = "EndorsementCredential"
    public static let clr = "ClrCredential"
    /// Every credential type the two specifications define.
    public static let all: Set<String> = earnedBadge.union([endorsement, clr])
}
