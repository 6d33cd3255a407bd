import Testing
import Foundation
@testable import CPDRender

/// Shaping through the layout's own families gives the very same PDF as the full font map.
@Suite struct FontFilterTests {
    @Test func everyBuiltInLayoutIsFiltered() throws {
        // The fonts the layouts name are installed by `make deps`; without the filter every process
        // sorts all ~320 installed faces again, so losing it silently would be a regression.
        for name in LayoutCatalog.builtinNames {
            let layout = try LayoutCatalog.layout(name)
            #expect(FontFilter.forLayout(layout) != nil, "layout \(name) is not filtered")
        }
    }

    @Test func aliasOrMissingFamilyIsNotFiltered() throws {
        var layout = try LayoutCatalog.layout()
        layout.styles["body"]!.family = "sans-serif"
        #expect(FontFilter.forLayout(layout) == nil)
        layout.styles["body"]!.family = "DejaVu Sans, No Such Family 12345"
        #expect(FontFilter.forLayout(layout) == nil)
    }

    @Test func coverage() throws {
        let filter = try #require(FontFilter.forLayout(try LayoutCatalog.layout()))
        #expect(filter.covers("Plain ASCII, 35 hours; #1 & <b>"))
        #expect(filter.covers("Zoë Nørgaard — Siobhán Ó Briain, 12½ h…"))
        #expect(filter.covers("line one\nline two\ttab"))
        #expect(filter.covers("中文：持续专业发展"))  // Noto Sans CJK SC is named
        #expect(!filter.covers("हिन्दी: सतत व्यावसायिक विकास"))  // Devanagari: none of the named families
        #expect(!filter.covers("ASCII then ภาษาไทย"))  // Thai
    }

    @Test func familyNamesCompareLikeFontconfig() {
        #expect(FontFilter.familyNames("DejaVu Sans, Noto  Sans,NOTO SANS CJK SC, ") == ["dejavusans", "notosans", "notosanscjksc"])
    }

    /// A record in every script (some covered by the named families, some not) and one in plain English:
    /// byte for byte the same with and without the filter.
    @Test(arguments: ["formal", "compact", "nmc"]) func sameBytesWithAndWithoutFilter(layoutName: String) throws {
        let layout = try LayoutCatalog.layout(layoutName)
        var mixed = SampleRecords.record(activities: ScriptTests.samples.count, name: "Ζωή Ñúñez-Петрова 陈")
        for (i, s) in ScriptTests.samples.enumerated() {
            mixed.activities[i].title = s
            mixed.activities[i].reflection = "\(s). Mixed with English (CPD) and numbers 2026 ✓."
        }
        for record in [mixed, SampleRecords.record(activities: 15)] {
            let render = {
                try RecordRenderer.render(record, assessments: [SampleRecords.assessment(for: record)],
                                          layout: layout, options: SampleRecords.options)
            }
            let filtered = try render()
            let full = try FontFilter.$disabled.withValue(true) { try render() }
            #expect(filtered == full)
            #expect(filtered.count > 1000)
        }
    }
}
