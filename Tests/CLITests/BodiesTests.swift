import Foundation
import Testing

/// `cpd bodies` and `cpd bodies show` through the binary: the list, its JSON, one body's
/// rules, a user's own profile with a mistake, an unknown id.
@Suite struct BodiesTests {
    @Test func listsAtLeast25Bodies() throws {
        let r = try Harness.cpd(["bodies"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(ids.count >= 25)
        for id in ["fca-ria", "sra", "nmc", "pmi-pmp", "ny-cle", "tx-pe", "generic"] { #expect(ids.contains(id), "missing \(id)") }
        let sra = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("sra ") })
        #expect(sra.contains("hours") && sra.contains("1 Nov - 31 Oct") && sra.contains("Solicitors Regulation Authority"))
    }

    @Test func listJSONParses() throws {
        let r = try Harness.cpd(["bodies", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(list.count >= 25)
        for item in list {
            for key in ["id", "name", "unit", "period"] { #expect(item[key] is String, "missing \(key)") }
            #expect(item["unconfirmed"] is Int && item.keys.contains("checked"))
        }
        let nmc = try #require(list.first { $0["id"] as? String == "nmc" })
        #expect(nmc["period"] as? String == "3-year cycle from your anniversary" && nmc["unit"] as? String == "hours")
    }

    @Test func showNMCMentionsParticipatory() throws {
        let r = try Harness.cpd(["bodies", "show", "nmc"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("participatory"))
        #expect(r.stdout.contains("At least 35 hours of CPD in the 3 years"))
        #expect(r.stdout.contains("[UNCONFIRMED]") && r.stdout.contains("https://www.nmc.org.uk/revalidation/requirements/cpd/"))
    }

    @Test func showJSONParses() throws {
        let r = try Harness.cpd(["bodies", "show", "fca-ria", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "fca-ria" && object["requirements"] is [Any] && object["provenance"] is [String: Any])
    }

    @Test func showsAUsersOwnProfile() throws {
        let dir = try Harness.tempDir()
        let path = dir + "/my-body.yaml"
        try Harness.write("version: 1\nid: my-body\nname: My body\nrequirements:\n  - { id: total, kind: minimum, amount: 12 }\n", to: path)
        let r = try Harness.cpd(["bodies", "show", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("My body [my-body]\n") && r.stdout.contains("total: At least 12 hours of CPD in the period"))
    }

    @Test func aMistakeInAUsersProfileNamesFileAndLine() throws {
        let dir = try Harness.tempDir()
        let path = dir + "/my-body.yaml"
        // Line 5 holds a misspelt key.
        try Harness.write("version: 1\nid: my-body\nname: My body\nrequirements:\n  - { id: total, kind: minimum, amuont: 12 }\n", to: path)
        let r = try Harness.cpd(["bodies", "show", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path):5:"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnknownIDListsTheKnownOnes() throws {
        let r = try Harness.cpd(["bodies", "show", "no-such-body"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown body 'no-such-body'") && r.stderr.contains("fca-ria") && r.stderr.contains("tx-pe"))
    }
}
