/// Concept codes for O*NET Technology Skills examples (Tableau, Microsoft Power BI, C++ …), which O*NET names but
/// does not number.
public enum OnetTechnology {
    /// The prefix that marks a technology code: `tech:`.
    public static let codePrefix = "tech:"

    /// The code the seed gives the technology an example names: `tech:` and its folded words joined by hyphens,
    /// without spelling changes or stemming ("Microsoft Power BI" → `tech:microsoft-power-bi`, "C++" →
    /// `tech:cplusplus`, "Microsoft .NET Framework" → `tech:microsoft-dotnet-framework`).
    ///
    /// Stored codes depend on this function: a test pins examples and checks that the 8,775 examples of the seed get
    /// distinct codes.
    public static func conceptCode(forExample name: String) -> String {
        codePrefix + Tokenizer.tokens(TextFolding.fold(name)).map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "-")
    }
}
