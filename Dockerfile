# Build and run Credence in a container; used by docker-compose.yml.
FROM swift:6.3-bookworm AS build
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product credence --static-swift-stdlib
# The executable finds its bundled resources (OpenAPI document, JSON-LD contexts) in *.resources beside it.
RUN mkdir -p /out && bin="$(swift build -c release --show-bin-path)" && cp "$bin/credence" /out/ && cp -R "$bin"/*.resources /out/

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 libxml2 tzdata \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /app credence
WORKDIR /app
COPY --from=build /out/ /app/
COPY schema ./schema
COPY seed ./seed
USER credence
ENV HOST=0.0.0.0 PORT=8080 LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/app/credence"]
CMD ["serve"]
