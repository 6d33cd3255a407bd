import Foundation
import Testing

/// Huge and hostile input through the binary: a correct result, or exit 2 with a message naming
/// the file and line; never a crash or a hang.
@Suite struct HardeningInputTests {
    static let header = "date,title,type,hours,reflection\n"

    static func check(_ text: String, name: String = "log.csv", extra: [String] = []) throws -> (Harness.Output, String) {
        let dir = try Harness.tempDir()
        let path = dir + "/" + name
        try Harness.write(text, to: path)
        return (try Harness.cpd(["check", path, "--body", "generic", "--period", "2026", "--json"] + extra), path)
    }

    static func totalHours(_ out: Harness.Output) throws -> Double {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        return try #require((totals["hours"] as? NSNumber)?.doubleValue)
    }

    /// A crash exits by signal (status above 128 from Foundation's Process, or a trap).
    static func noCrash(_ out: Harness.Output) {
        #expect([0, 1, 2].contains(out.status), "status \(out.status): \(out.stderr.suffix(2000))")
    }

    @Test func oneMillionRowsAreChecked() throws {
        var text = Self.header
        text.reserveCapacity(45_000_000)
        for i in 0..<1_000_000 { text += "2026-\(i % 12 + 1)-\(i % 28 + 1),Course \(i),structured,1,r\n" }
        let (out, _) = try Self.check(text)
        Self.noCrash(out)
        #expect(out.status != 2, "\(out.stderr.prefix(2000))")
        #expect(try Self.totalHours(out) == 1_000_000)
    }

    @Test func aTenMegabyteReflectionIsKeptWhole() throws {
        let reflection = String(repeating: "I learned about \"suitability\", charges and risk; ", count: 210_000)
        #expect(reflection.utf8.count > 10_000_000)
        let quoted = "\"" + reflection.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let (out, _) = try Self.check(Self.header + "2026-03-01,Course,structured,2," + quoted + "\n2026-03-02,Reading,unstructured,1,short\n")
        #expect(out.status != 2, "\(out.stderr.prefix(2000))")
        #expect(try Self.totalHours(out) == 3)
    }

    @Test func tenThousandColumnsGiveOneWarning() throws {
        let extra = (0..<9_996).map { "extra\($0)" }
        let blanks = String(repeating: ",x", count: 9_996)
        let text = "date,title,type,hours," + extra.joined(separator: ",") + "\n" + "2026-05-01,Course,structured,1.5" + blanks + "\n"
        let (out, path) = try Self.check(text)
        #expect(out.status != 2, "\(out.stderr.prefix(2000))")
        #expect(try Self.totalHours(out) == 1.5)
        let r = try Harness.cpd(["check", path, "--body", "generic", "--period", "2026"])
        #expect(r.stderr.components(separatedBy: "columns not understood").count == 2, "one warning")
    }

    @Test(arguments: ["log.csv", "log.json", "log.bin"])
    func aBinaryFileIsAnErrorNamingIt(name: String) throws {
        // Deterministic noise with NULs, high bytes and quotes, as a spreadsheet or image would hold.
        var state: UInt32 = 2_463_534_242
        var bytes = [UInt8]()
        for _ in 0..<65_536 {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            bytes.append(UInt8(truncatingIfNeeded: state))
        }
        let dir = try Harness.tempDir()
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let out = try Harness.cpd(["check", path, "--body", "generic", "--period", "2026"])
        #expect(out.status == 2, "\(out.stderr.prefix(2000))")
        #expect(out.stderr.contains(path + ":"), "\(out.stderr.prefix(2000))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "the input is untouched")
    }

    @Test func aByteOrderMarkInTheMiddleIsNamedByLine() throws {
        // Two exports joined with `cat`: the second one's mark sits at the start of line 3.
        let (out, path) = try Self.check(Self.header + "2026-03-01,A,structured,1,r\n\u{FEFF}2026-03-02,B,structured,1,r\n")
        #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains(path + ":3: error: "), "\(out.stderr)")
    }

    @Test func aHundredThousandNeedsAreRead() throws {
        let dir = try Harness.tempDir()
        var needs = "id,need\n"
        for i in 1...100_000 { needs += "N\(i),Keep up to date with topic \(i)\n" }
        try Harness.write(needs, to: dir + "/needs.csv")
        try Harness.write(Self.header.dropLast() + ",needs\n2026-03-01,A,structured,1,r,N1;N100000\n", to: dir + "/log.csv")
        let out = try Harness.cpd(["check", dir + "/log.csv", "--needs", dir + "/needs.csv", "--body", "generic", "--period", "2026", "--json"])
        #expect(out.status != 2, "\(out.stderr.prefix(2000))")
        #expect(try Self.totalHours(out) == 1)
    }

    @Test func datesOnPeriodEdgesAndWithTimesStayOnTheirCalendarDay() throws {
        let rows = [
            "2025-12-31,before,structured,100,r",            // the day before: out
            "2026-01-01,first day,structured,1,r",            // in
            "2026-01-01T00:30:00+14:00,first day east,structured,2,r",  // in: no shift to 2025-12-31
            "2026-12-31T23:30:00-12:00,last day west,structured,4,r",   // in: no shift to 2027-01-01
            "2026-12-31,last day,structured,8,r",             // in
            "2027-01-01,after,structured,100,r",              // out
            "2028-02-29,leap day,structured,100,r",           // a real date, outside 2026
        ]
        let (out, _) = try Self.check(Self.header + rows.joined(separator: "\n") + "\n")
        #expect(out.status != 2, "\(out.stderr)")
        #expect(try Self.totalHours(out) == 15)
    }

    @Test(arguments: [("2027-02-29", "does not exist"), ("2026-02-29", "does not exist"), ("10000-01-01", "not a date"), ("2026-13-01", "does not exist")])
    func impossibleDatesNameTheLine(date: String, words: String) throws {
        let (out, path) = try Self.check(Self.header + "2026-03-01,ok,structured,1,r\n\(date),bad,structured,1,r\n")
        #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains(path + ":3"), "\(out.stderr)")
        #expect(out.stderr.contains(words), "\(out.stderr)")
    }

    /// A year before 1900 is a real (if unlikely) calendar date: read, and left outside a 2026 period.
    @Test(arguments: ["1899-12-31", "0001-01-01", "1066-10-14"])
    func earlyYearsAreDatesOutsideThePeriod(date: String) throws {
        let (out, _) = try Self.check(Self.header + "2026-03-01,ok,structured,1,r\n\(date),old,structured,100,r\n")
        #expect(out.status != 2, "\(out.stderr)")
        #expect(try Self.totalHours(out) == 1)
    }

    @Test func hoursOfZeroTenThousandAndThreeDecimalsAreExact() throws {
        let (out, _) = try Self.check(Self.header + "2026-03-01,a,structured,0,r\n2026-03-02,b,structured,10000,r\n2026-03-03,c,structured,1.333,r\n")
        #expect(out.status != 2, "\(out.stderr)")
        // 0 + 600,000 + 80 minutes.
        #expect(abs(try Self.totalHours(out) - 600_080.0 / 60) < 0.01)
    }

    @Test func oneSeventyFiveIsNotAnHourAndAHalf() throws {
        let (out, path) = try Self.check(Self.header + "2026-03-01,a,structured,1,r\n2026-03-02,b,structured,1:75,r\n")
        #expect(out.status == 2)
        #expect(out.stderr.contains(path + ":3"), "\(out.stderr)")
        #expect(out.stderr.contains("1:75"))
    }

    @Test func deeplyNestedJSONIsRefusedByTheBinary() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (out, path) = try Self.check(text, name: "deep.json")
        #expect(out.status == 2)
        #expect(out.stderr.contains(path + ":1:"), "\(out.stderr.prefix(500))")
    }

    @Test func nulBytesAndMixedLineEndingsNameTheRightLine() throws {
        let text = "date,title,type,hours\r\n2026-03-01,a,structured,1\r2026-03-02,b,structured,1\n2026-03-03,c\u{0},structured,1\r\n"
        let (out, path) = try Self.check(text)
        #expect(out.status == 2)
        #expect(out.stderr.contains(path + ":4:13"), "\(out.stderr)")
    }
}
