# Sourced by test.sh: require_node MAJOR MINOR makes a Node.js of at least that version the first `node` on the
# PATH. A machine whose Node is older (Debian bookworm's nodejs is 18) gets Node 20 from the npm registry, as
# the `node-linux-<arch>` package, under target/node-runtime/.
require_node() {
    local major="$1" minor="$2" arch package
    node_is_recent() {
        node -e "const [a, b] = process.versions.node.split('.').map(Number);
                 process.exit(a > $major || (a === $major && b >= $minor) ? 0 : 1)" 2>/dev/null
    }
    node_is_recent && return 0
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
    package="node-linux-$arch@20.20.2"
    echo "Node $(node --version 2>/dev/null || echo '(none)') is older than $major.$minor: installing $package from the npm registry" >&2
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix target/node-runtime "$package" >&2
    PATH="$PWD/target/node-runtime/node_modules/node-linux-$arch/bin:$PATH"
    export PATH
    hash -r
    node_is_recent || { echo "Auth0's Node SDKs (src/test/node) need Node $major.$minor or later, found $(node --version)" >&2; return 1; }
}
