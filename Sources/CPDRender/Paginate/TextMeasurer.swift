/// Text to be set: plain user text (never markup) in one of the layout's styles.
public struct TextSpec: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, center, right }
    public var text: String
    public var style: String
    public var alignment: Alignment
    /// Break over-long words between characters instead of overflowing; `false` keeps one line with an ellipsis.
    public var wraps: Bool
    /// At most this many lines, the last ellipsised.
    public var maxLines: Int?
    /// Overrides the style's colour (a colour name).
    public var color: String?
    /// Overrides the style's weight.
    public var bold: Bool?
    public var italic: Bool?
    /// Parts set in another style (byte ranges into `text`), e.g. an evidence line under a reflection.
    public var runs: [TextRun] = []

    public init(_ text: String, style: String, alignment: Alignment = .left, wraps: Bool = true, maxLines: Int? = nil,
                color: String? = nil, bold: Bool? = nil, italic: Bool? = nil) {
        // NUL would end the C string early inside Pango; nothing a user means by it survives anyway.
        self.text = Self.withoutNUL(text)
        self.style = style; self.alignment = alignment; self.wraps = wraps; self.maxLines = maxLines
        self.color = color; self.bold = bold; self.italic = italic
    }
}

extension TextSpec {
    /// The text without NUL bytes. Checked on the UTF-8 bytes first: every cell and paragraph passes
    /// through here, and Foundation's `replacingOccurrences` on clean text cost ~3% of a batch.
    static func withoutNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(decoding: text.utf8.filter { $0 != 0 }, as: UTF8.self)
    }
}

/// A stretch of a `TextSpec` in another of the layout's styles.
public struct TextRun: Sendable, Hashable {
    /// UTF-8 byte offsets into the text.
    public var range: Range<Int>
    public var style: String
    public init(range: Range<Int>, style: String) { self.range = range; self.style = style }
}

extension TextSpec {
    /// Text made of parts in different styles; the first part's style is the paragraph's.
    public init(parts: [(text: String, style: String)], alignment: Alignment = .left) {
        self.init("", style: parts.first?.style ?? "body", alignment: alignment)
        var text = "", runs: [TextRun] = []
        for (i, part) in parts.enumerated() {
            let clean = Self.withoutNUL(part.text)
            let start = text.utf8.count
            text += clean
            if i > 0 { runs.append(TextRun(range: start..<text.utf8.count, style: part.style)) }
        }
        self.text = text
        self.runs = runs
    }
}

/// One line of set text: its top and bottom, in points from the top of the text.
public struct LineBox: Sendable, Hashable {
    public var top: Double
    public var bottom: Double
    public init(top: Double, bottom: Double) { self.top = top; self.bottom = bottom }
    public var height: Double { bottom - top }
}

/// Text that has been set at a width: its lines. `id` names the shaped text inside the measurer,
/// so the painter draws exactly what was measured without shaping it again.
public struct MeasuredText: Sendable, Hashable {
    public var id: Int
    public var width: Double
    public var lines: [LineBox]
    /// The widest line's own width (at most `width`): what an `auto` column needs for this text.
    public var naturalWidth: Double
    public init(id: Int, width: Double, lines: [LineBox], naturalWidth: Double = 0) {
        self.id = id; self.width = width; self.lines = lines; self.naturalWidth = naturalWidth
    }

    public var height: Double { lines.last?.bottom ?? 0 }
    /// The height of lines `from..<to`.
    public func height(from: Int, to: Int) -> Double {
        guard from < to, from < lines.count else { return 0 }
        return lines[min(to, lines.count) - 1].bottom - lines[from].top
    }
}

/// Sets text at a width and reports its lines. Pango does it for real; tests use a fake,
/// so pagination is checked without Cairo.
public protocol TextMeasurer {
    func measure(_ text: TextSpec, width: Double) -> MeasuredText
}

import Foundation
