/// One section of the record, in the order the layout lists them.
public struct SectionSpec: Sendable, Hashable {
    /// What the section shows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        // A member's record.
        case title, summary, charts, needs, activities, reflections, declaration
        // A team overview (`team-summary.pdf`).
        case teamTitle, teamChart, teamMatrix, invalidMembers, teamTotals

        /// True for the sections of a team overview; a layout is either a record or a team overview, never both.
        public var isTeam: Bool {
            switch self {
            case .teamTitle, .teamChart, .teamMatrix, .invalidMembers, .teamTotals: return true
            case .title, .summary, .charts, .needs, .activities, .reflections, .declaration: return false
            }
        }

        /// The table design (under `tables:`) the section needs, if any.
        public var table: String? {
            switch self {
            case .summary: return "summary"
            case .needs: return "needs"
            case .activities: return "activities"
            case .teamMatrix: return "matrix"
            default: return nil
            }
        }
    }

    public var kind: Kind
    /// Start the section on a new page.
    public var breakBefore: Bool
    /// Keep the whole section on one page when it fits on one.
    public var keepTogether: Bool
    /// List the section (and, for reflections, each reflection) in the PDF outline.
    public var outline: Bool

    public init(kind: Kind, breakBefore: Bool = false, keepTogether: Bool = false, outline: Bool = true) {
        self.kind = kind; self.breakBefore = breakBefore; self.keepTogether = keepTogether; self.outline = outline
    }
}

/// The design of one table: its columns and how it behaves across pages.
public struct TableSpec: Sendable, Hashable {
    public var columns: [ColumnSpec]
    /// Repeat the header row at the top of every page the table reaches.
    public var repeatHeader: Bool
    /// Shade every other row with the `zebra` colour.
    public var zebra: Bool
    /// End with a totals row.
    public var totals: Bool
    /// Padding inside each cell, in points (horizontal, vertical).
    public var paddingX: Double
    public var paddingY: Double

    public init(columns: [ColumnSpec], repeatHeader: Bool = true, zebra: Bool = true, totals: Bool = false,
                paddingX: Double = 4, paddingY: Double = 3) {
        self.columns = columns; self.repeatHeader = repeatHeader; self.zebra = zebra; self.totals = totals
        self.paddingX = paddingX; self.paddingY = paddingY
    }

    /// The fields each table can show.
    public static let fields: [String: [String]] = [
        "summary": ["requirement", "required", "counted", "status", "stillNeeded"],
        "needs": ["id", "need", "priority", "target", "status", "activities", "hours"],
        "activities": ["number", "date", "title", "type", "categories", "hours", "needs", "evidence",
                       "provider", "method", "reflection", "participatory", "code"],
        // `requirements` stands for one column per requirement in the summary, each as wide as it says.
        "matrix": ["member", "id", "total", "structured", "requirements", "shortfall", "status", "file"],
    ]

    /// The tables a team overview may design; the others belong to record layouts.
    public static let teamTables: Set<String> = ["matrix"]
}

/// One column: which field it shows, how wide it is and how its text sits.
public struct ColumnSpec: Sendable, Hashable {
    public enum Width: Sendable, Hashable {
        /// A fixed width in points.
        case points(Double)
        /// A share of the width left after fixed and `auto` columns (`2fr`).
        case fraction(Double)
        /// As wide as the column's widest text (header included), within what the frame allows.
        case auto
    }
    public enum Alignment: String, Sendable, Hashable, CaseIterable { case left, center, right }
    public enum Wrap: String, Sendable, Hashable, CaseIterable {
        /// Break between words; a word longer than the column breaks between characters.
        case word
        /// The same as `word` (Pango's WORD_CHAR); kept as a separate name for layouts that say it.
        case wordChar
        /// One line, cut with an ellipsis.
        case none
    }

    public var field: String
    /// A label key or literal header text; nil uses the field's default label.
    public var header: String?
    public var width: Width
    public var align: Alignment
    public var wrap: Wrap
    /// At most this many lines, the last ending in an ellipsis.
    public var maxLines: Int?

    public init(field: String, header: String? = nil, width: Width = .fraction(1), align: Alignment = .left,
                wrap: Wrap = .word, maxLines: Int? = nil) {
        self.field = field; self.header = header; self.width = width; self.align = align; self.wrap = wrap
        self.maxLines = maxLines
    }
}

extension TableSpec {
    /// Resolves column widths to points for a frame `total` points wide. `natural` gives each `auto`
    /// column's widest text (padding included); without it an `auto` column is `1fr`. Auto columns
    /// take their natural width but, beside fractional columns, together no more than 60% of the
    /// width left after fixed columns; with no fractional column they share all of it in proportion.
    public func columnWidths(total: Double, natural: [Int: Double] = [:]) -> [Double] {
        let fixed = columns.reduce(0.0) { acc, c in if case .points(let p) = c.width { return acc + p }; return acc }
        let left = max(0, total - fixed)
        var autos: [Int: Double] = [:]
        for (i, c) in columns.enumerated() { if case .auto = c.width, let n = natural[i] { autos[i] = n } }
        let shares = columns.enumerated().reduce(0.0) { acc, e in
            switch e.element.width {
            case .fraction(let f): return acc + f
            case .auto where autos[e.offset] == nil: return acc + 1
            default: return acc
            }
        }
        let wanted = autos.values.reduce(0, +)
        let room = shares > 0 ? left * 0.6 : left
        let scale = wanted > 0 && (wanted > room || shares == 0) ? room / wanted : 1
        let rest = max(0, left - wanted * scale)
        return columns.enumerated().map { i, c in
            switch c.width {
            case .points(let p): return p
            case .fraction(let f): return shares > 0 ? rest * f / shares : 0
            case .auto: return autos[i].map { $0 * scale } ?? (shares > 0 ? rest / shares : 0)
            }
        }
    }
}
