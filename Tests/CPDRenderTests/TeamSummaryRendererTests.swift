import Testing
import Foundation
@testable import CPDRender
@testable import CPDKit

/// team-summary.pdf read back as a reader would: every member, the header on every matrix page,
/// `Page N of M` everywhere, largest shortfall first, invalid members with their messages, a clean file.
@Suite struct TeamSummaryRendererTests {
    static let team = SampleTeams.summary(members: 120, invalid: 6)

    func render(_ summary: TeamSummary = team, name: String? = "Advice team") throws -> (bytes: [UInt8], path: String, pages: Int) {
        let bytes = try TeamSummaryRenderer.render(summary, teamName: name, layout: try LayoutCatalog.layout("team-summary"),
                                                   options: SampleRecords.options)
        let path = try PDFTools.write(bytes, name: "team-summary.pdf")
        if let dir = ProcessInfo.processInfo.environment["CPD_LOOK_DIR"] {
            try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("look-team-\(summary.rows.count).pdf"))
        }
        return (bytes, path, Int(try PDFTools.info(path)["Pages"] ?? "") ?? 0)
    }

    static func memberIDs(in text: String) -> [String] {
        text.matches(of: /T\d{3}/).map { String($0.output) }
    }

    @Test func everyMemberAppearsWithTheHeaderOnEveryMatrixPage() throws {
        let (_, path, pages) = try render()
        #expect(pages >= 3)
        var seen = Set<String>()
        var matrixPages = 0
        for page in 1...pages {
            let text = try PDFTools.text(path, page: page)
            #expect(text.contains("Page \(page) of \(pages)"), "page \(page)")
            let ids = Self.memberIDs(in: text)
            seen.formUnion(ids)
            if !ids.isEmpty {
                matrixPages += 1
                #expect(text.contains("Member ID") && text.contains("Total ≥ 35") && text.contains("Status"), "no header on page \(page)")
            }
        }
        #expect(matrixPages >= 2)
        #expect(seen == Set(Self.team.rows.map(\.memberID)))
        #expect(seen.count == 120)
    }

    @Test func largestShortfallIsListedFirst() throws {
        let (_, path, _) = try render()
        let text = try PDFTools.text(path)
        #expect(Self.team.rows.first?.memberID == SampleTeams.mostBehindID)
        // Above 40 members the chart is a histogram, so the matrix is the first place an id is printed.
        #expect(Self.memberIDs(in: text).first == SampleTeams.mostBehindID)
        #expect(text.contains("Short 32"))
    }

    @Test func titleBlockCountsAndInvalidMembersWithTheirMessages() throws {
        let (_, path, _) = try render()
        let first = try PDFTools.text(path, page: 1)
        let team = Self.team
        let short = team.rows.filter { !$0.compliant }.count
        #expect(first.contains("Team CPD summary") && first.contains("Advice team") && first.contains(SampleTeams.bodyName))
        #expect(first.contains("2026-01-01 – 2026-12-31"))
        for (value, label) in [(126, "Members"), (120 - short, "Meet all requirements"), (short, "Fall short"), (6, "Input invalid")] {
            #expect(first.contains(String(value)) && first.contains(label), "\(label) \(value)")
        }
        let text = try PDFTools.text(path).replacingOccurrences(of: "\n", with: " ")
        for f in team.failures {
            #expect(text.contains(f.name))
            #expect(text.contains("team.csv:\(100 + Int(f.memberID.dropFirst())!)") && text.contains("invalid marker \(f.memberID.dropFirst())"))
        }
        #expect(text.contains("Members whose input could not be read (6)"))
        // Tiles sit side by side, so a label that wraps is interleaved with its neighbours in the extracted text.
        #expect(text.contains("Mean hours per") && text.contains("Team totals") && text.contains("Total hours"))
    }

    @Test func fileIsCleanAndRerunsAreByteIdentical() throws {
        let a = try render(), b = try render()
        #expect(a.bytes == b.bytes)
        let check = try PDFTools.run("qpdf", ["--check", a.path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING") && !check.stderr.contains("WARNING"), "\(check.stdout)\(check.stderr)")
        let info = try PDFTools.info(a.path)
        #expect(info["Page size"]?.hasPrefix("595 x 842") == true)
        #expect(info["Title"]?.contains("Team CPD summary") == true)
    }

    @Test func smallTeamGetsOneBarPerMemberNamedInTheChart() throws {
        let small = SampleTeams.summary(members: 5, invalid: 0)
        let (_, path, pages) = try render(small, name: nil)
        #expect(pages == 1)
        let text = try PDFTools.text(path)
        // Each name prints twice: beside its bar and in the matrix.
        for row in small.rows { #expect(text.components(separatedBy: row.name).count - 1 == 2, "\(row.name)") }
        #expect(text.contains("Required 35 hours"))
        #expect(text.contains("None: every member's input was read."))
    }

    @Test func layoutsDrawOnlyWhatTheyAreFor() throws {
        #expect(throws: LayoutError.self) {
            _ = try TeamSummaryRenderer.render(Self.team, teamName: nil, layout: try LayoutCatalog.layout("formal"), options: SampleRecords.options)
        }
        let record = SampleRecords.record(activities: 2)
        #expect(throws: LayoutError.self) {
            _ = try RecordRenderer.render(record, assessments: [], layout: try LayoutCatalog.layout("team-summary"), options: SampleRecords.options)
        }
    }

    @Test func teamFactsCountAndPickTheMinimumInHours() {
        let facts = TeamFacts(Self.team)
        #expect(facts.members == 126 && facts.invalid == 6 && facts.meeting + facts.short == 120)
        #expect(facts.requirement?.amount == 35)
        #expect(facts.bodies.map(\.name) == [SampleTeams.bodyName])
        #expect(facts.periodText(labels: Labels()) == "2026-01-01 – 2026-12-31")
        #expect(abs((facts.meanHours ?? 0) - facts.totalHours / 120) < 1e-9)
    }
}
