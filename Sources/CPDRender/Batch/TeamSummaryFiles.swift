import CPDKit

/// Writes the three team-summary files into a batch's output folder, each atomically.
public enum TeamSummaryFiles {
    public static let stem = "team-summary"

    /// Writes `team-summary.csv`, `team-summary.json` and `team-summary.pdf` (drawn with `layout`, a team overview layout).
    /// - Throws: `AtomicFile.WriteError` when a file cannot be written; `LayoutError` when `layout` is a record layout.
    public static func write(_ summary: TeamSummary, to directory: String, layout: LayoutSpec, options: RenderOptions,
                             teamName: String? = nil) throws {
        // Render first: a layout or cairo failure then leaves no summary file from this run half-updated beside old ones.
        let pdf = try TeamSummaryRenderer.render(summary, teamName: teamName, layout: layout, options: options)
        try AtomicFile.write(Array(summary.csv().utf8), to: directory + "/" + stem + ".csv")
        try AtomicFile.write(Array(summary.json().utf8), to: directory + "/" + stem + ".json")
        try AtomicFile.write(pdf, to: directory + "/" + stem + ".pdf")
    }
}
