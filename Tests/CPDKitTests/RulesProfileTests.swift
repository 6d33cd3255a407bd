import Foundation
import Testing
@testable import CPDKit

/// The profile format: the built-in files, a user's own file, and mistakes with line numbers.
@Suite struct RulesProfileTests {
    static let valid = """
        version: 1
        id: my-body
        name: My body
        unit: hours
        period: calendar-year
        requirements:
          - id: total
            kind: minimum
            amount: 12.5
        """

    func error(_ yaml: String) -> ProfileError? {
        do { _ = try BodyCatalog.parse(yaml: yaml, file: "my.yaml"); return nil } catch { return error as? ProfileError }
    }

    @Test func builtinProfilesAreListedAndParse() throws {
        let ids = BodyCatalog.builtinIDs
        #expect(ids == ids.sorted())
        for id in ["fca-ria", "sra", "generic"] { #expect(ids.contains(id)) }
        for id in ids {
            let p = try BodyCatalog.profile(id)
            #expect(p.id == id, "Bodies/\(id).yaml names its id \(p.id)")
            #expect(p.version == 1)
        }
    }

    @Test func unknownBodyListsTheKnownOnes() {
        #expect(throws: ProfileError.self) { try BodyCatalog.profile("no-such-body") }
        let e = try? #require({ () -> ProfileError? in
            do { _ = try BodyCatalog.profile("no-such-body"); return nil } catch { return error as? ProfileError }
        }())
        #expect(e?.description.contains("no-such-body") == true)
        #expect(e?.description.contains("fca-ria, generic") == true || e?.description.contains("fca-ria") == true)
    }

    @Test func aUsersOwnProfileByPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("my-body.yaml").path
        try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
        let p = try BodyCatalog.profile(path)
        #expect(p.id == "my-body" && p.file == path)
        #expect(p.requirements.first?.kind == .minimum(base: 750))
        let a = try Assessor.assess(RulesFixture.record([RulesFixture.activity(1, "2026-01-01", minutes: 749)]), against: p, selection: .year(2026))
        #expect(a.requirement("total")?.shortfall == 1.0 / 60)
        #expect(!a.compliant)
        // A path that does not exist is an error naming it, not "unknown body".
        #expect((try? BodyCatalog.profile(dir.path + "/missing.yaml")) == nil)
    }

    @Test func unknownKeyNamesLineAndColumnAndSuggests() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "    amount: 12.5", with: "    amont: 12.5")))
        #expect(e.line == 9 && e.column == 5)
        #expect(e.description.hasPrefix("my.yaml:9:5: error: unknown key 'amont'"))
        #expect(e.message.contains("did you mean 'amount'?"))
    }

    @Test func unknownTopLevelKey() throws {
        let e = try #require(error(Self.valid + "\ncolour: blue\n"))
        #expect(e.line == 10 && e.column == 1)
    }

    @Test func badTypeNamesTheLine() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "12.5", with: "twelve")))
        #expect(e.line == 9 && e.column == 13)
        #expect(e.message.contains("'amount' must be a number"))
        let listForString = try #require(error(Self.valid.replacingOccurrences(of: "name: My body", with: "name: [a, b]")))
        #expect(listForString.line == 3)
    }

    @Test func newerVersionNamesTheHighestSupported() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "version: 1", with: "version: 2") + "\nsomething-new: true\n"))
        #expect(e.line == 1 && e.column == 10)
        #expect(e.message.contains("version 2") && e.message.contains("highest supported: 1"))
    }

    @Test func missingVersionAndMissingKeys() throws {
        let noVersion = try #require(error(Self.valid.replacingOccurrences(of: "version: 1\n", with: "")))
        #expect(noVersion.message.contains("missing 'version'"))
        let noAmount = try #require(error(Self.valid.replacingOccurrences(of: "    amount: 12.5", with: "")))
        #expect(noAmount.line == 7 && noAmount.message.contains("missing 'amount'"))
    }

    @Test func wrongKeyForTheKind() throws {
        let e = try #require(error(Self.valid + "\n    field: reflection\n"))
        #expect(e.line == 10 && e.message.contains("'field' has no meaning for a 'minimum'"))
    }

    @Test func unknownKindCategoryAndField() throws {
        #expect(error(Self.valid.replacingOccurrences(of: "kind: minimum", with: "kind: maximum"))?.line == 8)
        let cat = Self.valid + "\n    filter: { categories: [ethics] }\ncategories: [risk management]\n"
        #expect(error(cat)?.message.contains("'ethics' is not one of this profile's categories") == true)
        let field = "version: 1\nid: x\nname: X\nrequirements:\n  - id: r\n    kind: required-field\n    field: signature\n"
        #expect(error(field)?.line == 7)
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let e = try #require(error("version: 1\nid: x\nname: [unclosed\n"))
        #expect(e.line != nil && e.message.contains("not valid YAML"))
    }

    @Test func amountsMustBeWholeMinutes() throws {
        #expect(error(Self.valid.replacingOccurrences(of: "12.5", with: "12.51"))?.message.contains("whole number of minutes") == true)
    }

    @Test func unitsAndVocabulary() throws {
        let yaml = """
            version: 1
            id: cpe
            name: CPE body
            unit: { name: CPE credits, singular: CPE credit, minutes: 50, round-down: 0.2 }
            terms: { structured: verifiable, unstructured: non-verifiable }
            categories:
              - { id: ethics, name: Ethics, aliases: [professional ethics, "ethics & professionalism"] }
              - risk management
            requirements:
              - { id: ethics, kind: minimum, amount: 0.2, filter: { type: verifiable, categories: [Ethics] } }
            """
        let p = try BodyCatalog.parse(yaml: yaml, file: "cpe.yaml")
        #expect(p.unit.measure == .time(minutesPerUnit: 50) && p.unit.roundDownMinutes == 10)
        #expect(p.requirements[0].kind == .minimum(base: 10))
        #expect(p.requirements[0].filter.type == .structured)
        #expect(p.vocabulary.categoryID(for: "Professional-Ethics") == "ethics")
        #expect(p.vocabulary.categoryID(for: "ETHICS & PROFESSIONALISM") == "ethics")
        #expect(p.vocabulary.categoryID(for: "Risk_Management") == "risk management")
        #expect(p.vocabulary.categoryID(for: "tax") == nil)
    }
}
