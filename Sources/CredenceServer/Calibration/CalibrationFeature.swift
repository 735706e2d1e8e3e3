/// Rubrics, calibration sessions and revisions (issue 8).
struct CalibrationFeature {
    let components: AppComponents

    func register(on endpoints: Endpoints) {}
}
