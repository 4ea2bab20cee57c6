import BackCheckPluginAPI
import Testing

/// How a report names a norms table to a reader (a black-box review found `mcgill-1999 mean
/// 144 s`, an id, in text a lifter reads).
@Suite struct NormsCitationTests {
    static func table(id: String = "the-id", source: String) -> NormsTable {
        NormsTable(id: id, source: source, population: "adults", measures: [:])
    }

    @Test(arguments: [
        ("McGill SM, Childs A, Liebenson C. Endurance times for low back stabilization exercises. Arch Phys Med Rehabil. 1999;80(8):941-944.",
         "McGill et al. 1999"),
        ("Yıldırım MŞ, Tuna F, Demirbağ Kabayel D, Süt N. The cut-off values. Balkan Med J. 2018;35(5):388-393.", "Yıldırım et al. 2018"),
        ("Smith J. A single-author paper. J Test. 2004;12:1-9.", "Smith 2004"),
        ("O'Sullivan P, Kent P. Pain. 2015; 10.", "O'Sullivan et al. 2015"),
    ])
    func aCitationStyleSourceGivesAuthorAndYear(source: String, expected: String) {
        #expect(Self.table(source: source).citation == expected)
    }

    @Test(arguments: [
        "Test table",  // no year
        "measured in our clinic, 2021",  // no author first
        "Smith J. Volume 12345 only.",  // five digits are not a year
    ])
    func anythingElseIsNamedByItsID(source: String) {
        #expect(Self.table(source: source).citation == "the-id")
    }
}
