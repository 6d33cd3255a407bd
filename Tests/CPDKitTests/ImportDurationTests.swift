import Testing
@testable import CPDKit

@Suite("Import: hours")
struct ImportDurationTests {
    @Test("every hours form gives exact minutes", arguments: [
        ("1.5", 90), ("1,5", 90), ("1:30", 90), ("90m", 90), ("2h", 120), ("1h30m", 90), ("1h 30m", 90),
        ("1.25 hours", 75), ("45 min", 45), ("0.75", 45), (".5", 30), ("7", 420), ("0", 0), ("0:05", 5),
        (" 2.5 ", 150), ("3 hrs", 180), ("1.333", 80), ("0.0083", 0), ("0.0084", 1), ("0,1", 6),
    ])
    func forms(text: String, minutes: Int) {
        #expect(DurationText.parse(text) == .minutes(minutes))
    }

    @Test("half a minute rounds up")
    func rounding() {
        #expect(DurationText.parse("0.025") == .minutes(2))  // 1.5 minutes
        #expect(DurationText.parse("1.99999") == .minutes(120))
    }

    @Test("rejected hours", arguments: ["two", "1:75", "1:5", "h", "1.", "1..5", "5 days", "1 2", "--1", "1:30m"])
    func invalid(text: String) {
        #expect(DurationText.parse(text) == .invalid)
    }

    @Test("negative and empty are told apart")
    func negativeEmpty() {
        #expect(DurationText.parse("-1") == .negative)
        #expect(DurationText.parse("-0:30") == .negative)
        #expect(DurationText.parse("   ") == .empty)
    }

    @Test("sums stay exact where floating point would drift")
    func exactSum() {
        let tenths = (0..<30).map { _ -> Minutes in
            guard case .minutes(let m) = DurationText.parse("0.1") else { return .zero }
            return Minutes(m)
        }
        #expect(tenths.sum() == Minutes(180))
    }
}
