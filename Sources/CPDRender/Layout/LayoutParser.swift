import Yams

/// Turns a layout file's text into a validated `LayoutSpec`, or the first mistake with its line.
struct LayoutParser {
    static let highestVersion = 1
    let reader: YAMLReader
    let name: String

    func parse(_ yaml: String) throws -> LayoutSpec {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, YAMLTags.resolver) else { throw reader.error(nil, "the layout file is empty") }
            root = node
        } catch let e as YamlError {
            throw yamlError(e)
        }
        let top = try reader.mapping(root, allowed: ["version", "name", "description", "language", "page", "colors",
                                                     "styles", "header", "footer", "labels", "sections", "tables",
                                                     "metadata"], what: "the layout")
        guard let versionNode = top["version"] else { throw reader.error(root, "missing 'version' (this cpd reads version \(Self.highestVersion))") }
        let version = try reader.int(versionNode, what: "version")
        guard version >= 1, version <= Self.highestVersion else {
            throw reader.error(versionNode, "layout version \(version) is not supported (this cpd reads up to version \(Self.highestVersion); upgrade cpd)")
        }
        let page = try geometry(try required(top, "page", in: root))
        let colors = try colorTable(try required(top, "colors", in: root))
        let styles = try styleTable(try required(top, "styles", in: root), colors: colors)
        var labels: [String: String] = [:]
        if let node = top["labels"] {
            for (key, keyNode, value) in try reader.entries(node, what: "labels") {
                guard Labels.defaults[key] != nil else { throw reader.error(keyNode, "unknown label '\(key)'") }
                labels[key] = try reader.string(value, what: "label '\(key)'")
            }
        }
        let sectionsNode = try required(top, "sections", in: root)
        let sections = try reader.sequence(sectionsNode, what: "sections").map(section)
        guard !sections.isEmpty else { throw reader.error(sectionsNode, "sections must list at least one section") }
        var tables: [String: TableSpec] = [:]
        if let node = top["tables"] {
            for (key, keyNode, value) in try reader.entries(node, what: "tables") {
                guard let fields = TableSpec.fields[key] else {
                    throw reader.error(keyNode, "unknown table '\(key)' (expected one of: \(TableSpec.fields.keys.sorted().joined(separator: ", ")))")
                }
                tables[key] = try table(value, fields: fields, name: key)
            }
        }
        // A layout draws either one member's record or a team overview: the two share pages, styles and
        // furniture, but not sections or tables, so mixing them is a mistake worth naming.
        let isTeam = sections.first?.kind.isTeam ?? false
        for (s, node) in zip(sections, try reader.sequence(sectionsNode, what: "sections")) where s.kind.isTeam != isTeam {
            throw reader.error(node, "section '\(s.kind.rawValue)' belongs to a \(s.kind.isTeam ? "team overview" : "member's record"), but this layout starts as a \(isTeam ? "team overview" : "member's record") (a layout cannot mix the two)")
        }
        if let node = top["tables"] {
            for (key, keyNode, _) in try reader.entries(node, what: "tables") where TableSpec.teamTables.contains(key) != isTeam {
                throw reader.error(keyNode, "table '\(key)' belongs to a \(isTeam ? "member's record" : "team overview"), not to this \(isTeam ? "team overview" : "record") layout")
            }
        }
        for s in sections {
            if let t = s.kind.table, tables[t] == nil {
                throw reader.error(sectionsNode, "section '\(s.kind.rawValue)' needs a table design under tables.\(t)")
            }
        }
        let meta = try metadata(try required(top, "metadata", in: root))
        return LayoutSpec(
            name: try top["name"].map { try reader.string($0, what: "name") } ?? name,
            summary: try top["description"].map { try reader.string($0, what: "description") } ?? "",
            language: try top["language"].map { try reader.string($0, what: "language") } ?? "en",
            page: page, colors: colors, styles: styles,
            header: try band(try required(top, "header", in: root), what: "header"),
            footer: try band(try required(top, "footer", in: root), what: "footer"),
            labels: Labels(overrides: labels), sections: sections, tables: tables, metadata: meta)
    }

    private func required(_ map: [String: Node], _ key: String, in parent: Node) throws -> Node {
        guard let node = map[key] else { throw reader.error(parent, "missing '\(key)'") }
        return node
    }

    private func yamlError(_ e: YamlError) -> LayoutError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return LayoutError(file: reader.file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return LayoutError(file: reader.file, message: "not valid YAML: \(e)")
        }
    }

    private func geometry(_ node: Node) throws -> PageGeometry {
        let m = try reader.mapping(node, allowed: ["size", "width", "height", "orientation", "margins"], what: "page")
        var width = 595.0, height = 842.0
        if let size = m["size"] {
            switch try reader.string(size, what: "page.size") {
            case "A4": (width, height) = (595, 842)
            case "Letter": (width, height) = (612, 792)
            case "A5": (width, height) = (420, 595)
            case "Legal": (width, height) = (612, 1008)
            case let other: throw reader.error(size, "page.size cannot be '\(other)' (expected A4, A5, Letter, Legal, or give width and height)")
            }
        }
        if let w = m["width"] { width = try reader.length(w, what: "page.width") }
        if let h = m["height"] { height = try reader.length(h, what: "page.height") }
        if let o = m["orientation"] {
            switch try reader.string(o, what: "page.orientation") {
            case "portrait": (width, height) = (min(width, height), max(width, height))
            case "landscape": (width, height) = (max(width, height), min(width, height))
            case let other: throw reader.error(o, "page.orientation cannot be '\(other)' (expected portrait or landscape)")
            }
        }
        guard width >= 144, height >= 144 else { throw reader.error(node, "the page must be at least 2 inches each way") }
        guard let marginsNode = m["margins"] else { throw reader.error(node, "missing 'margins'") }
        let mm = try reader.mapping(marginsNode, allowed: ["top", "right", "bottom", "left"], what: "page.margins")
        func side(_ k: String) throws -> Double {
            guard let n = mm[k] else { throw reader.error(marginsNode, "missing margin '\(k)'") }
            return try reader.length(n, what: "page.margins.\(k)")
        }
        let margins = Insets(top: try side("top"), right: try side("right"), bottom: try side("bottom"), left: try side("left"))
        guard margins.left + margins.right < width - 72, margins.top + margins.bottom < height - 144 else {
            throw reader.error(marginsNode, "the margins leave too little room for text")
        }
        return PageGeometry(width: width, height: height, margins: margins)
    }

    private func colorTable(_ node: Node) throws -> [String: RGBColor] {
        var out: [String: RGBColor] = [:]
        for (key, _, value) in try reader.entries(node, what: "colors") {
            let text = try reader.string(value, what: "colour '\(key)'")
            guard let c = RGBColor(hex: text) else { throw reader.error(value, "colour '\(key)' must be #rrggbb (got '\(text)')") }
            out[key] = c
        }
        for name in LayoutSpec.requiredColors where out[name] == nil {
            throw reader.error(node, "missing colour '\(name)'")
        }
        return out
    }

    private func styleTable(_ node: Node, colors: [String: RGBColor]) throws -> [String: TextStyle] {
        let keys = ["font", "size", "weight", "italic", "color", "lineSpacing", "spaceBefore", "spaceAfter"]
        var out: [String: TextStyle] = [:]
        for (key, _, value) in try reader.entries(node, what: "styles") {
            let m = try reader.mapping(value, allowed: keys, what: "style '\(key)'")
            guard let fontNode = m["font"] else { throw reader.error(value, "style '\(key)' is missing 'font'") }
            let family = try reader.string(fontNode, what: "styles.\(key).font")
            guard let sizeNode = m["size"] else { throw reader.error(value, "style '\(key)' is missing 'size'") }
            var style = TextStyle(family: family, size: try reader.number(sizeNode, what: "styles.\(key).size", range: 4...96))
            if let w = m["weight"] {
                switch try reader.string(w, what: "styles.\(key).weight") {
                case "bold": style.bold = true
                case "normal", "regular": style.bold = false
                case let other: throw reader.error(w, "weight cannot be '\(other)' (expected normal or bold)")
                }
            }
            if let n = m["italic"] { style.italic = try reader.bool(n, what: "styles.\(key).italic") }
            if let n = m["color"] {
                style.color = try reader.string(n, what: "styles.\(key).color")
                guard colors[style.color] != nil else { throw reader.error(n, "style '\(key)' names colour '\(style.color)', which colors does not define") }
            }
            if let n = m["lineSpacing"] { style.lineSpacing = try reader.number(n, what: "styles.\(key).lineSpacing", range: 0.8...3) }
            if let n = m["spaceBefore"] { style.spaceBefore = try reader.length(n, what: "styles.\(key).spaceBefore") }
            if let n = m["spaceAfter"] { style.spaceAfter = try reader.length(n, what: "styles.\(key).spaceAfter") }
            out[key] = style
        }
        for name in LayoutSpec.requiredStyles where out[name] == nil { throw reader.error(node, "missing style '\(name)'") }
        return out
    }

    private func band(_ node: Node, what: String) throws -> PageBand {
        let m = try reader.mapping(node, allowed: ["height", "left", "center", "right", "rule"], what: what)
        guard let h = m["height"] else { throw reader.error(node, "\(what) is missing 'height'") }
        return PageBand(height: try reader.length(h, what: "\(what).height"),
                        left: try m["left"].map { try reader.string($0, what: "\(what).left") } ?? "",
                        center: try m["center"].map { try reader.string($0, what: "\(what).center") } ?? "",
                        right: try m["right"].map { try reader.string($0, what: "\(what).right") } ?? "",
                        rule: try m["rule"].map { try reader.bool($0, what: "\(what).rule") } ?? true)
    }

    private func section(_ node: Node) throws -> SectionSpec {
        let m = try reader.mapping(node, allowed: ["kind", "breakBefore", "keepTogether", "outline"], what: "a section")
        guard let k = m["kind"] else { throw reader.error(node, "a section is missing 'kind'") }
        var s = SectionSpec(kind: try reader.choice(k, what: "section kind", as: SectionSpec.Kind.self))
        if let n = m["breakBefore"] { s.breakBefore = try reader.bool(n, what: "breakBefore") }
        if let n = m["keepTogether"] { s.keepTogether = try reader.bool(n, what: "keepTogether") }
        if let n = m["outline"] { s.outline = try reader.bool(n, what: "outline") }
        return s
    }

    private func table(_ node: Node, fields: [String], name: String) throws -> TableSpec {
        let m = try reader.mapping(node, allowed: ["columns", "repeatHeader", "zebra", "totals", "padding"], what: "tables.\(name)")
        guard let cols = m["columns"] else { throw reader.error(node, "tables.\(name) is missing 'columns'") }
        var spec = TableSpec(columns: try reader.sequence(cols, what: "columns").map { try column($0, fields: fields, table: name) })
        guard !spec.columns.isEmpty else { throw reader.error(cols, "tables.\(name) needs at least one column") }
        if let n = m["repeatHeader"] { spec.repeatHeader = try reader.bool(n, what: "repeatHeader") }
        if let n = m["zebra"] { spec.zebra = try reader.bool(n, what: "zebra") }
        if let n = m["totals"] { spec.totals = try reader.bool(n, what: "totals") }
        if let n = m["padding"] {
            let p = try reader.mapping(n, allowed: ["x", "y"], what: "padding")
            if let x = p["x"] { spec.paddingX = try reader.length(x, what: "padding.x") }
            if let y = p["y"] { spec.paddingY = try reader.length(y, what: "padding.y") }
        }
        return spec
    }

    private func column(_ node: Node, fields: [String], table: String) throws -> ColumnSpec {
        let m = try reader.mapping(node, allowed: ["field", "header", "width", "align", "wrap", "maxLines"], what: "a column")
        guard let f = m["field"] else { throw reader.error(node, "a column is missing 'field'") }
        let field = try reader.string(f, what: "field")
        guard fields.contains(field) else {
            throw reader.error(f, "table '\(table)' has no field '\(field)' (expected one of: \(fields.joined(separator: ", ")))")
        }
        var c = ColumnSpec(field: field)
        if let h = m["header"] { c.header = try reader.string(h, what: "header") }
        if let w = m["width"] {
            let text = try reader.string(w, what: "width").trimmingCharacters(in: .whitespaces)
            if text == "auto" {
                c.width = .auto
            } else if text.hasSuffix("fr"), let f = Double(text.dropLast(2)), f > 0, f <= 100 {
                c.width = .fraction(f)
            } else {
                c.width = .points(try reader.length(w, what: "width"))
            }
        }
        if let a = m["align"] { c.align = try reader.choice(a, what: "align", as: ColumnSpec.Alignment.self) }
        if let n = m["wrap"] { c.wrap = try reader.choice(n, what: "wrap", as: ColumnSpec.Wrap.self) }
        if let n = m["maxLines"] {
            let v = try reader.int(n, what: "maxLines")
            guard v >= 1 else { throw reader.error(n, "maxLines must be 1 or more") }
            c.maxLines = v
        }
        return c
    }

    private func metadata(_ node: Node) throws -> MetadataTemplates {
        let m = try reader.mapping(node, allowed: ["title", "author", "subject", "keywords"], what: "metadata")
        func text(_ k: String, _ d: String) throws -> String { try m[k].map { try reader.string($0, what: "metadata.\(k)") } ?? d }
        return MetadataTemplates(title: try text("title", "CPD record: {member.name}, {period}"),
                                 author: try text("author", "{member.name}"),
                                 subject: try text("subject", "{body.name}, {period}"),
                                 keywords: try text("keywords", ""))
    }
}
