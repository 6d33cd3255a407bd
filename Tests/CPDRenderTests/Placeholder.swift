import Testing
import CPDRender
@Test func placeholder() { #expect(Minutes(60).hours == 1) }
