@testable import CPDRender

/// Sets text without Pango: every character is half the font size wide, every line 1.2 × the size tall;
/// breaks between words, and inside a word longer than the line (as PANGO_WRAP_WORD_CHAR does).
final class FakeMeasurer: TextMeasurer {
    var sizes: [String: Double] = [:]
    private(set) var measured: [TextSpec] = []

    init(layout: LayoutSpec? = nil) {
        if let layout { sizes = layout.styles.mapValues(\.size) }
    }

    func measure(_ text: TextSpec, width: Double) -> MeasuredText {
        let size = sizes[text.style] ?? 10
        let perLine = max(1, Int(width / (size * 0.5)))
        var lines = 0
        for paragraph in text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            var used = 0, count = 1
            for word in paragraph.split(separator: " ") {
                var w = word.count
                let need = used == 0 ? w : used + 1 + w
                if need <= perLine { used = need; continue }
                if used > 0 { count += 1; used = 0 }
                while w > perLine { count += 1; w -= perLine }
                used = w
            }
            lines += text.wraps ? min(count, text.maxLines ?? count) : 1
        }
        measured.append(text)
        let h = size * 1.2
        let longest = text.text.split(separator: "\n").map(\.count).max() ?? 0
        return MeasuredText(id: measured.count - 1, width: width, lines: (0..<max(1, lines)).map { LineBox(top: Double($0) * h, bottom: Double($0 + 1) * h) },
                            naturalWidth: min(width, Double(longest) * size * 0.5))
    }
}

/// Measured texts made to order, for paginator tests.
enum Lines {
    nonisolated(unsafe) static var next = 1000
    static func text(_ count: Int, height: Double = 10, id: Int? = nil) -> MeasuredText {
        MeasuredText(id: id ?? 0, width: 100, lines: (0..<count).map { LineBox(top: Double($0) * height, bottom: Double($0 + 1) * height) })
    }
}
