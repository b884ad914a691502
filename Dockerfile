# syntax=docker/dockerfile:1
# One image for every role: HYPERSEARCH_ROLE=all (default, embedded H2), api, or worker (PostgreSQL).
#   docker build -t hypersearch .          (or: docker compose build)

# ---- 1. Frontend: built here when the project has one (frontend/package.json), with a Node new enough for Vite.
FROM node:22-bookworm-slim AS frontend
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.npm \
    if [ -f frontend/package.json ]; then cd frontend && npm ci && npm run build; \
    else echo "no frontend/package.json: nothing to build"; fi

# ---- 2. Maven build on the sources with the frontend already built (Vite writes target/classes/static, which
#         the jar picks up). The build's own npm steps are skipped with -Dfrontend.skip: this stage has no Node.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY --from=frontend /src /src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -Dfrontend.skip=true package \
    && cp target/hypersearch-*.jar /hypersearch.jar \
    && java -Djarmode=tools -jar /hypersearch.jar extract --destination /app --application-filename hypersearch.jar
# A slim Java 17 runtime with just the modules the service needs, including the engine's Vector API module
# (some vendors' JRE builds leave incubator modules out).
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.incubator.vector,jdk.jfr,jdk.localedata,\
jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output /jre

# ---- 3. Runtime: Debian slim + the jlinked JRE + the extracted jar, as a non-root user.
FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 hypersearch \
    && useradd --system --uid 10001 --gid hypersearch --home-dir /app --shell /usr/sbin/nologin hypersearch
COPY --from=build /jre /opt/java
COPY --from=build /app /app
ENV PATH=/opt/java/bin:$PATH \
    SERVER_PORT=8080 \
    HYPERSEARCH_ROLE=all
# Class-data sharing: one training start (in-memory H2, exits once the context is up) records the classes it
# loads, and every container starts about twice as fast from the archive (worker scale-out is start-up bound).
RUN java --add-modules jdk.incubator.vector -XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit=/app/hypersearch.jsa \
        -Dspring.context.exit=onRefresh -jar /app/hypersearch.jar \
        --spring.datasource.url=jdbc:h2:mem:cds --server.port=0 --hypersearch.workers=1 > /dev/null 2>&1 \
    && mkdir -p /app/data && chown -R hypersearch:hypersearch /app
# Extra JVM options go in JAVA_TOOL_OPTIONS (read by the JVM itself), e.g. -Xmx2g.
WORKDIR /app
USER hypersearch
EXPOSE 8080
# /actuator/health over bash's /dev/tcp: no curl in the image. Workers serve it too (only /api/** is off there).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# exec form: java is PID 1 and gets docker stop's SIGTERM (workers hand their running trials back).
# G1's pause goal 20 ms (default 200): reads stay fast while the workers' trials allocate (README, Benchmarks).
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-XX:MaxRAMPercentage=75", "-XX:MaxGCPauseMillis=20", \
    "-XX:SharedArchiveFile=/app/hypersearch.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", \
    "-jar", "/app/hypersearch.jar"]
