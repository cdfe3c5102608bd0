# Build stage: the runnable jar, then the index, so the image starts answering at once.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY knowledge knowledge
RUN mvn -B -q -DskipTests package \
 && java -jar target/crisisdesk.jar --knowledge knowledge --index index reindex

# Runtime stage: a JRE only, as a non-root user that can write the index and data volumes and nothing else.
# src/test/container/check.sh builds this file in CI; keep it to what both the real base and a Debian stand-in
# provide (useradd, java, sh, coreutils).
FROM eclipse-temurin:17-jre-jammy
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin crisisdesk
WORKDIR /app
COPY --from=build /src/target/crisisdesk.jar /app/crisisdesk.jar
COPY --from=build /src/knowledge /app/knowledge
COPY --from=build --chown=crisisdesk /src/index /app/index
COPY docker/healthcheck.sh /app/healthcheck.sh
RUN mkdir -p /app/data && chown crisisdesk /app/data && chmod 0555 /app/healthcheck.sh
USER crisisdesk
ENV CRISISDESK_KNOWLEDGE=/app/knowledge CRISISDESK_INDEX=/app/index \
    CRISISDESK_FEEDBACK_LOG=/app/data/feedback.jsonl CRISISDESK_HEARTBEAT_FILE=/tmp/crisisdesk-heartbeat
VOLUME ["/app/index", "/app/data"]
# A shell script, not a second JVM: while the bot runs it reads the heartbeat the bot writes with the Discord
# gateway's state (see docker/healthcheck.sh).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/crisisdesk.jar"]
