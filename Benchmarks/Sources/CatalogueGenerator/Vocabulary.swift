/// Words the generator builds titles, labels and prose from, so generated files read (and
/// weigh, in bytes and nodes) like hand-written assessments.
enum Vocabulary {
    static let bodyParts = [
        "hip", "knee", "ankle", "thigh", "trunk", "pelvis", "hamstring", "calf", "glute", "shoulder", "spine", "foot",
    ]
    static let movements = [
        "flexion", "extension", "rotation", "abduction", "hinge", "squat", "lunge", "bridge", "reach", "hold",
        "step", "lift",
    ]
    static let regions = ["hip", "lumbar", "trunk", "knee", "ankle", "thoracic", "pelvis"]
    static let equipment = [
        "goniometer, or a phone with an inclinometer app", "firm table or high bench", "stopwatch or phone timer",
        "tape measure", "a wall with clear floor space in front", "a 20 cm box or step", "a partner to watch and count",
        "a phone on a stand to film from the side", "a dowel or broomstick", "a mat",
    ]
    static let exercises = [
        "back-extension-hold", "bird-dog", "box-squat", "calf-soleus-stretch", "clamshell", "couch-stretch", "dead-bug",
        "figure-4-stretch", "front-plank", "glute-bridge", "goblet-squat", "half-kneeling-hip-flexor-stretch",
        "hamstring-stretch", "hip-hinge-drill", "hip-thrust", "knee-to-wall-mobilisation", "mcgill-curl-up",
        "pallof-press", "quadruped-hip-extension", "rdl-from-blocks", "side-lying-hip-abduction",
        "side-plank-from-knees", "side-plank", "single-leg-bridge", "standing-tfl-stretch", "suitcase-carry",
        "thomas-position-hip-flexor-stretch", "warm-up-routine",
    ]
    static let tiers = ["mobility", "activation", "endurance", "strength", "technique"]
    static let categories = ["mobility", "activation", "endurance", "strength", "technique"]
    static let evidenceLevels = ["high", "moderate", "low"]
    static let authors = ["Harvey", "Peeler", "McGill", "Vigotsky", "Freckleton", "Nelson-Wong", "Bennell", "Konor", "Ageberg"]
    static let journals = [
        "Br J Sports Med", "Phys Ther Sport", "J Athl Train", "Arch Phys Med Rehabil", "J Orthop Sports Phys Ther",
        "Int J Sports Phys Ther", "BMC Musculoskelet Disord",
    ]
    static let sentences = [
        "Keep the low back flat and the movement slow; a fast or forced movement makes the reading look better than it is.",
        "Repeat the measurement once more and enter the average of the two trials.",
        "Stop if you feel pain or pinching, not just stretch or effort, and answer the pain question.",
        "A helper or a phone on a stand makes the reading far more reliable than judging it yourself.",
        "Warm up with a few minutes of easy walking first, and test both sides in the same order each time.",
        "Read the angle at the end of the range, after holding the position relaxed for five seconds.",
        "If the result is close to the cut-off, treat it as borderline and test again on another day.",
        "Differences smaller than the test's measurement error are noise, not a change or an asymmetry.",
    ]
}

extension String {
    /// The text with its first letter in upper case (no Foundation needed).
    var initialCapital: String { prefix(1).uppercased() + dropFirst() }
}
