import Testing
@testable import CPDKit
@Test func minutesText() { #expect(Minutes(90).hoursText == "1.5"); #expect(Minutes(2085).hoursText == "34.75") }
