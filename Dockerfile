# Build stage: the runnable jar, then the index, so the image starts answering at once.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY knowledge knowledge
RUN mvn -B -q -DskipTests package \
 && java -jar target/crisisdesk.jar --knowledge knowledge --index index reindex

# Runtime stage: a JRE only, as a non-root user.
FROM eclipse-temurin:17-jre-jammy
RUN useradd --system --uid 10001 --home-dir /app crisisdesk
WORKDIR /app
COPY --from=build /src/target/crisisdesk.jar /app/crisisdesk.jar
COPY --from=build /src/knowledge /app/knowledge
COPY --from=build --chown=crisisdesk /src/index /app/index
RUN mkdir -p /app/data && chown crisisdesk /app/data
USER crisisdesk
ENV CRISISDESK_KNOWLEDGE=/app/knowledge CRISISDESK_INDEX=/app/index \
    CRISISDESK_FEEDBACK_LOG=/app/data/feedback.jsonl
VOLUME ["/app/index", "/app/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
  CMD ["java", "-jar", "/app/crisisdesk.jar", "health"]
ENTRYPOINT ["java", "-jar", "/app/crisisdesk.jar"]
