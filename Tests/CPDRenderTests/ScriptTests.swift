import Testing
import Foundation
@testable import CPDRender

/// Names and reflections in every script render with real glyphs and come back out with pdftotext.
@Suite struct ScriptTests {
    static let samples = [
        "Ελληνικά: συνεχής επαγγελματική ανάπτυξη",
        "Русский: непрерывное профессиональное развитие",
        "עברית: פיתוח מקצועי מתמשך",
        "العربية: التطوير المهني المستمر",
        "हिन्दी: सतत व्यावसायिक विकास",
        "中文：持续专业发展",
        "日本語：継続的な専門能力開発",
    ]

    @Test func everyScriptExtracts() throws {
        var record = SampleRecords.record(activities: Self.samples.count, name: "Ζωή Ñúñez-Петрова 陈")
        for (i, s) in Self.samples.enumerated() {
            record.activities[i].title = s
            record.activities[i].reflection = "\(s). Mixed with English (CPD) and numbers 2026."
        }
        let bytes = try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)],
                                              layout: try LayoutCatalog.layout(), options: SampleRecords.options)
        let path = try PDFTools.write(bytes, name: "scripts.pdf")
        if let dir = ProcessInfo.processInfo.environment["CPD_LOOK_DIR"] {
            try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("look-scripts.pdf"))
        }
        let text = try PDFTools.run("pdftotext", [path, "-"]).stdout
        #expect(text.contains("Ζωή Ñúñez-Петрова 陈"))
        for word in ["συνεχής", "непрерывное", "מקצועי", "المهني", "व्यावसायिक", "持续专业发展", "継続的な専門能力開発"] {
            #expect(text.contains(word), "\(word) missing")
        }
        // Every font embedded is a real outline font: no fallback to a box-drawing last resort.
        let fonts = try PDFTools.run("pdffonts", [path]).stdout
        #expect(!fonts.contains("Type 3"))
        #expect(fonts.contains("Noto"))
    }
}
