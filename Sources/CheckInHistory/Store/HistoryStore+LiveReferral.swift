extension HistoryStore {
    /// SQL for the `referral` column of the check-in row `alias`, or NULL when that referral
    /// was carried from an earlier check-in (`referral.standing_from`, see `run --save`) that
    /// is no longer saved. Deleting a check-in saved under the wrong name must take its
    /// referral with it: a coach's review found it still standing through the later check-ins
    /// that carried it, pointing at a check-in `history show` no longer knew, with only
    /// `history checked` (a clinician's check that never happened) to clear it.
    static func liveReferral(_ alias: String) -> String {
        let origin = "json_extract(\(alias).report, '$.referral.standing_from.check_in')"
        // The report is parsed only for a row with a referral: most have none.
        // Carried from a deleted check-in, it still stands when this one's own answers raised
        // a referral too (kept beside the carried one): at the urgency saved, the safe reading.
        let own = "EXISTS (SELECT 1 FROM json_each(\(alias).report, '$.assessments') a, json_each(a.value, '$.findings') f WHERE json_extract(f.value, '$.tier') = 'refer')"
        return "(CASE WHEN \(alias).referral IS NULL THEN NULL WHEN \(origin) IS NULL OR \(origin) IN (SELECT id FROM checkIn) OR \(own) THEN \(alias).referral END)"
    }
}
