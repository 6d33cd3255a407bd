/// A record layout, decoded and validated from a `Layouts/*.yaml` file: everything about how a record
/// looks (page, fonts, colours, furniture, labels, sections, tables) is data here, never code.
public struct LayoutSpec: Sendable, Hashable {
    /// The layout's name (`formal`), or the file's base name for a user's layout.
    public let name: String
    /// One line on what the layout is for, shown by `cpd layouts`.
    public var summary: String
    /// BCP 47 language of the labels (`en-GB`), written into the PDF.
    public var language: String
    /// Page size and margins, in points.
    public var page: PageGeometry
    /// Named colours (`text`, `accent`, `rule`, `zebra`, `met`, `short`, ...).
    public var colors: [String: RGBColor]
    /// Named text styles; every style the record uses must be present.
    public var styles: [String: TextStyle]
    /// Fixed-height band at the top of every page.
    public var header: PageBand
    /// Fixed-height band at the foot of every page (holds `Page {page} of {pages}`).
    public var footer: PageBand
    /// The words printed on the page, so a layout can be in another language.
    public var labels: Labels
    /// The record's sections, in order.
    public var sections: [SectionSpec]
    /// Table designs by table (`summary`, `needs`, `activities`).
    public var tables: [String: TableSpec]
    /// PDF metadata templates (tokens as in the page bands).
    public var metadata: MetadataTemplates

    public init(name: String, summary: String, language: String, page: PageGeometry, colors: [String: RGBColor],
                styles: [String: TextStyle], header: PageBand, footer: PageBand, labels: Labels,
                sections: [SectionSpec], tables: [String: TableSpec], metadata: MetadataTemplates) {
        self.name = name; self.summary = summary; self.language = language; self.page = page; self.colors = colors
        self.styles = styles; self.header = header; self.footer = footer; self.labels = labels
        self.sections = sections; self.tables = tables; self.metadata = metadata
    }

    /// The style names a record needs; the parser rejects a layout that lacks one.
    public static let requiredStyles = ["title", "subtitle", "heading", "subheading", "body", "small",
                                        "label", "tableHeader", "tableCell", "header", "footer"]
    /// The colour names a record needs.
    public static let requiredColors = ["text", "muted", "accent", "rule", "zebra", "headerFill", "met", "short"]

    /// The colour by name; black when missing (the parser makes that impossible for required names).
    public func color(_ name: String) -> RGBColor { colors[name] ?? RGBColor(red: 0, green: 0, blue: 0) }

    /// The style by name; the body style when missing.
    public func style(_ name: String) -> TextStyle { styles[name] ?? styles["body"] ?? TextStyle.fallback }

    /// The width of the text frame between the side margins.
    public var frameWidth: Double { page.width - page.margins.left - page.margins.right }

    /// True for a team overview layout (`team-summary`), false for a member's record layout.
    public var isTeamOverview: Bool { sections.first?.kind.isTeam ?? false }
}

/// Page size and margins, in points (1/72 inch).
public struct PageGeometry: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var margins: Insets
    public init(width: Double, height: Double, margins: Insets) { self.width = width; self.height = height; self.margins = margins }
}

/// Distances from the four edges, in points.
public struct Insets: Sendable, Hashable {
    public var top: Double, right: Double, bottom: Double, left: Double
    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
}

/// A colour with components in 0...1.
public struct RGBColor: Sendable, Hashable {
    public var red: Double, green: Double, blue: Double
    public init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }

    /// Parses `#rrggbb`.
    public init?(hex: String) {
        guard hex.hasPrefix("#"), hex.count == 7, let v = Int(hex.dropFirst(), radix: 16) else { return nil }
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }
}

/// How a piece of text looks and how much room it takes around itself.
public struct TextStyle: Sendable, Hashable {
    /// Comma-separated families with fallbacks, e.g. `DejaVu Sans, Noto Sans, Noto Sans CJK SC`.
    public var family: String
    /// Size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    /// A colour name from the layout's colours.
    public var color: String
    /// Line height as a multiple of the font's own (1 = the font's natural spacing).
    public var lineSpacing: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false, color: String = "text",
                lineSpacing: Double = 1, spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic; self.color = color
        self.lineSpacing = lineSpacing; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
    }

    static let fallback = TextStyle(family: "DejaVu Sans", size: 10)
}

/// A fixed-height band (page header or footer) with three text slots holding tokens.
public struct PageBand: Sendable, Hashable {
    public var height: Double
    public var left: String
    public var center: String
    public var right: String
    /// Draw a thin rule between the band and the page body.
    public var rule: Bool
    public init(height: Double, left: String = "", center: String = "", right: String = "", rule: Bool = true) {
        self.height = height; self.left = left; self.center = center; self.right = right; self.rule = rule
    }
}

/// PDF document-information templates.
public struct MetadataTemplates: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public init(title: String, author: String, subject: String, keywords: String = "") {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
    }
}
