import Foundation
import Testing
@testable import CPDKit

/// `cpd bodies` and `cpd bodies show` in the library: every built-in profile described in
/// words and JSON, unconfirmed rules marked, periods in a few words.
@Suite struct ProfileDescriptionTests {
    static let ids = BodyCatalog.builtinIDs

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test(arguments: ids)
    func describesEveryRequirement(id: String) throws {
        let profile = try BodyCatalog.profile(id)
        let text = ProfileDescription(profile).text
        #expect(text.hasPrefix("\(profile.name) [\(id)]\n"))
        for r in profile.requirements {
            let line = text.split(separator: "\n").first { $0.contains(". \(r.id): ") }
            #expect(line?.contains(r.description) == true, "\(id): no line for requirement \(r.id)")
        }
        for c in profile.vocabulary.categories { #expect(text.contains("  \(c.id)"), "\(id): category \(c.id) missing") }
        for s in profile.provenance.sources { #expect(text.contains("Source: \(s)")) }
        if let checked = profile.provenance.checked { #expect(text.contains("Checked against the sources: \(checked)")) }
    }

    @Test(arguments: ids)
    func marksEveryUnconfirmedRule(id: String) throws {
        let profile = try BodyCatalog.profile(id)
        let text = ProfileDescription(profile).text
        let lines = text.split(separator: "\n")
        for r in profile.requirements {
            let headline = lines.first { $0.contains(". \(r.id): ") }
            #expect(headline?.hasSuffix(ProfileDescription.unconfirmedMark) == r.unconfirmed, "\(id): rule \(r.id)")
        }
        for note in profile.provenance.unconfirmed { #expect(text.contains("[UNCONFIRMED] \(note)"), "\(id): note not marked") }
        let expected = profile.requirements.filter(\.unconfirmed).count + profile.provenance.unconfirmed.count
        #expect(ProfileDescription(profile).unconfirmedCount == expected)
    }

    @Test(arguments: ids)
    func showJSONParses(id: String) throws {
        let profile = try BodyCatalog.profile(id)
        let object = try #require(try Self.json(ProfileDescription(profile).json) as? [String: Any])
        #expect(object["id"] as? String == id && object["name"] as? String == profile.name)
        #expect(object["unit"] as? String == profile.unit.name && object["period"] is String)
        #expect(object["unconfirmed"] as? Int == ProfileDescription(profile).unconfirmedCount)
        let requirements = try #require(object["requirements"] as? [[String: Any]])
        #expect(requirements.map { $0["id"] as? String } == profile.requirements.map(\.id))
        #expect(requirements.map { $0["unconfirmed"] as? Bool } == profile.requirements.map(\.unconfirmed))
        let provenance = try #require(object["provenance"] as? [String: Any])
        #expect(provenance["sources"] as? [String] == profile.provenance.sources)
        #expect((object["categories"] as? [Any])?.count == profile.vocabulary.categories.count)
    }

    @Test func listJSONHasTheListKeys() throws {
        let profiles = try BodyCatalog.builtinProfiles()
        let list = try #require(try Self.json(ProfileDescription.listJSON(profiles)) as? [[String: Any]])
        #expect(list.count == profiles.count && list.count >= 25)
        for item in list {
            for key in ["id", "name", "unit", "period"] { #expect(item[key] is String, "missing \(key)") }
            // A user's or the generic profile may record no date: the key is there, null.
            #expect(item["checked"] is String || item["checked"] is NSNull)
            #expect(item["unconfirmed"] is Int)
        }
        let icaew = try #require(list.first { $0["id"] as? String == "icaew" })
        #expect(icaew["period"] as? String == "1 Nov - 31 Oct" && icaew["unconfirmed"] as? Int == 4)
        #expect(icaew["checked"] as? String == "2026-05-01")
    }

    @Test func listTextHasOneLinePerBody() throws {
        let profiles = try BodyCatalog.builtinProfiles()
        let lines = ProfileDescription.listText(profiles).split(separator: "\n")
        #expect(lines.count == profiles.count)
        let sra = try #require(lines.first { $0.hasPrefix("sra ") })
        #expect(sra.contains("hours") && sra.contains("1 Nov - 31 Oct") && sra.hasSuffix("Solicitors Regulation Authority (continuing competence)"))
    }

    @Test func periodsInAFewWords() {
        #expect(ProfileDescription.period(.calendarYear) == "calendar year")
        #expect(ProfileDescription.period(PeriodRule(anchor: .fixed(month: 11, day: 1))) == "1 Nov - 31 Oct")
        #expect(ProfileDescription.period(PeriodRule(anchor: .fixed(month: 3, day: 1))) == "1 Mar - 29 Feb")
        #expect(ProfileDescription.period(PeriodRule(anchor: .anniversary, years: 3)) == "3-year cycle from your anniversary")
        #expect(ProfileDescription.period(PeriodRule(anchor: .anniversary)) == "year from your anniversary")
        #expect(ProfileDescription.period(PeriodRule(anchor: .fixed(month: 2, day: 1), years: 3)) == "3-year cycle from 1 Feb")
        #expect(ProfileDescription.period(PeriodRule(anchor: .rolling(months: 12))) == "rolling 12 months")
        #expect(ProfileDescription.period(PeriodRule(anchor: .calendarYear, years: 2)) == "2-year cycle of calendar years")
    }

    /// Every kind of detail a rule can carry appears in words: filter in the body's terms, cap,
    /// minimum length, rounding, carry-over, effective dates, options with values and defaults.
    @Test func rulesInPlainWords() throws {
        let yaml = """
            version: 1
            id: mine
            name: My body
            unit: { name: hours, singular: hour, minutes: 60, round-down: 0.5 }
            period: { anchor: calendar-year, years: 2, first-cycle-start: 2025 }
            terms: { structured: verifiable, unstructured: non-verifiable }
            categories:
              - { id: ethics, name: Ethics, aliases: [professional ethics] }
            options:
              - { name: track, values: [full, part], default: full, description: how much you practise }
            requirements:
              - { id: short, kind: minimum-length, minutes: 30 }
              - { id: reading-cap, kind: cap, amount: 5, filter: { type: non-verifiable } }
              - { id: total, kind: minimum, amount: 24, when: { track: full } }
              - { id: ethics, kind: minimum, amount: 2, filter: { type: verifiable, categories: [ethics] }, label: in verifiable ethics, from: 2024-01-01, until: 2030-12-31, unconfirmed: true }
              - { id: carry, kind: carry-over, amount: 6, carry-from: total, filter: { not-categories: [ethics] }, last-months: 12, citation: Rule 9 }
            provenance: { sources: [https://example.org/rules], checked: 2026-05-01, unconfirmed: [the ethics hours] }
            """
        let d = ProfileDescription(try BodyCatalog.parse(yaml: yaml, file: "mine.yaml"))
        let text = d.text
        for phrase in ["Rounding: Each activity's time is rounded down to a multiple of 0.5 hours (30 minutes)",
                       "Period: 2-year cycle of calendar years; --period 2026 means 2025-01-01 to 2026-12-31 (cycles start in 2025, 2027, 2029, …)",
                       "Terms: the body's 'verifiable' is structured CPD",
                       "track: how much you practise", "values: full, part; default: full",
                       "An activity shorter than 30 minutes counts towards no requirement",
                       "No more than 5 hours of unstructured CPD counts",
                       "Applies to activities: non-verifiable (unstructured)",
                       "Applied to each activity before any sum",
                       "Only with --option track=full (the default)",
                       "Applies to activities: verifiable (structured) in ethics",
                       "In force for periods starting from 2024-01-01 to 2030-12-31",
                       "ethics: At least 2 hours in verifiable ethics in the period [UNCONFIRMED]",
                       "Applies to activities: not in ethics",
                       "The excess over 'total' in the previous period, earned in its last 12 months, up to 6 hours, adds to: total",
                       "Source: Rule 9", "ethics: Ethics (also: professional ethics)",
                       "[UNCONFIRMED] the ethics hours", "[UNCONFIRMED] rule ethics:"] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        #expect(d.unconfirmedCount == 2)
        let object = try #require(try Self.json(d.json) as? [String: Any])
        let unit = try #require(object["unitDetails"] as? [String: Any])
        #expect(unit["roundDownMinutes"] as? Int == 30)
        let rules = try #require(object["requirements"] as? [[String: Any]])
        let carry = try #require(rules.first { $0["id"] as? String == "carry" })
        #expect(carry["kind"] as? String == "carry-over" && carry["amount"] as? Int == 6 && carry["lastMonths"] as? Int == 12)
        let ethics = try #require(rules.first { $0["id"] as? String == "ethics" })
        #expect(ethics["from"] as? String == "2024-01-01" && ethics["until"] as? String == "2030-12-31")
        #expect((ethics["filter"] as? [String: Any])?["type"] as? String == "structured")
        #expect((rules.first { $0["id"] as? String == "total" }?["when"] as? [String: [String]]) == ["track": ["full"]])
    }
}
