/// Rubrics, calibration sessions and revisions (issue 8).
struct CalibrationFeature {
    let components: AppComponents

    func register(on endpoints: Endpoints) {
        let client = components.client
        let logger = components.logger
        let limit = components.config.maxBodyBytes
        RubricsController(store: RubricStore(client: client, logger: logger), maxBodyBytes: limit).register(on: endpoints)
        CalibrationSessionsController(store: CalibrationStore(client: client, logger: logger), maxBodyBytes: limit).register(on: endpoints)
    }
}
