# Sourced by the project's scripts: require_jdk stops the script, with one line saying what to install, unless
# a JDK 17 or newer is at $JAVA_HOME or, without JAVA_HOME, on the PATH: the one thing a machine must have, since
# ./mvnw fetches Maven and Maven fetches the rest.
require_jdk() {
    local java found
    if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java="$(command -v java || true)"; fi
    if [ -z "$java" ] || [ ! -x "$java" ]; then
        found="no java${JAVA_HOME:+ at JAVA_HOME=$JAVA_HOME}"
    else
        # java.specification.version is 1.8 for Java 8, then 9, 10, ... 17, 21, 25.
        local version
        version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
        if [ "${version%%.*}" -lt 17 ] 2>/dev/null || [ -z "$version" ]; then
            found="Java ${version:-of unknown version} at $java"
        elif [ ! -x "$(dirname "$(readlink -f "$java")")/javac" ]; then
            # Maven compiles with the JDK it runs on: a runtime without javac cannot build the jar.
            found="a Java $version runtime without javac at $java"
        else
            return 0
        fi
    fi
    echo "This needs a JDK 17 or newer ($found): install one (Debian: apt-get install openjdk-17-jdk-headless; or Eclipse Temurin 17+) and put its bin/ on the PATH or set JAVA_HOME." >&2
    exit 1
}
