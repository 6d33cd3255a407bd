import CPDKit

/// Writes the three team-summary files into a batch's output folder, each atomically.
public enum TeamSummaryFiles {
    public static let stem = "team-summary"

    /// Writes `team-summary.csv`, `team-summary.json` and `team-summary.pdf` (drawn with `layout`, a team overview layout).
    /// - Throws: `AtomicFile.WriteError` when a file cannot be written; `LayoutError` when `layout` is a record layout.
    public static func write(_ summary: TeamSummary, to directory: String, layout: LayoutSpec, options: RenderOptions,
                             teamName: String? = nil) throws {
        // Render first: a layout or cairo failure then leaves no summary file from this run half-updated beside old ones.
        // The PDF streams into its temporary file and is renamed into place only after the CSV and JSON are
        // written; all three are written piece by piece, so none is ever held whole (12 MB of PDF and
        // 14 MB of JSON at 10,000 members).
        try AtomicFile.write(to: directory + "/" + stem + ".pdf", producing: { append in
            try TeamSummaryRenderer.render(summary, teamName: teamName, layout: layout, options: options, output: append)
        }, beforeRename: {
            try AtomicFile.write(to: directory + "/" + stem + ".csv") { append in try summary.csv { try Self.append($0, append) } }
            try AtomicFile.write(to: directory + "/" + stem + ".json") { append in try summary.json { try Self.append($0, append) } }
        })
        try compact(directory + "/" + stem + ".pdf")
    }

    /// Largest overview (as cairo wrote it) that is rewritten with object streams: about 5,000 members.
    /// Compacting reads the whole file and keeps a few dozen bytes per object, so a larger overview is
    /// left as written and a team of any size runs in the same memory.
    static let compactLimit = 8 << 20

    /// Rewrites the overview at `path` smaller (`PDFCompactor`), atomically, when it is under `compactLimit`.
    static func compact(_ path: String) throws {
        try PDFCompactor.compactFile(atPath: path, maxSize: compactLimit)
    }

    private static func append(_ text: String, _ append: (UnsafeRawBufferPointer) throws -> Void) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }
}
