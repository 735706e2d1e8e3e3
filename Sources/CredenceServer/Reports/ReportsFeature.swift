/// Alignment reports for curriculum teams (issue 9).
struct ReportsFeature {
    let components: AppComponents

    func register(on endpoints: Endpoints) throws {
        let client = components.client
        let logger = components.logger
        ReportsController(
            alignment: AlignmentReport(client: client, logger: logger),
            calibration: CalibrationReport(client: client, logger: logger),
            demand: DemandReport(client: client, logger: logger),
            recognition: RecognitionReport(client: client, logger: logger),
            equity: EquityReport(client: client, logger: logger),
            uplift: UpliftReport(client: client, logger: logger),
            client: client,
            page: try ReportPage()
        ).register(on: endpoints)
        let limit = components.config.maxBodyBytes
        RecognitionNamingController(client: client, logger: logger, maxBodyBytes: limit).register(on: endpoints)
        EarnerAttributesController(client: client, logger: logger, maxBodyBytes: limit).register(on: endpoints)
        CohortsController(
            client: client, logger: logger, maxBodyBytes: limit, maxEventBytes: components.config.maxImportBytes,
            events: LearnerEventStore(client: client, logger: logger)
        ).register(on: endpoints)
    }
}
