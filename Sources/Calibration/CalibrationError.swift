/// Why session data does not fit its rubric.
public enum CalibrationError: Error, Sendable, Hashable {
    case duplicateArtefact(String)
    case unknownArtefact(String)
    case unknownCriterion(String)
    case unknownLevel(criterion: String, level: String)
    case duplicateRating(artefact: String, reviewer: String, criterion: String)
    case duplicateVerdict(artefact: String, reviewer: String)
}
