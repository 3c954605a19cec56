#!/usr/bin/env bash
# Plays an iPhone's side of "Check this device" against a Slipway site, with openssl and curl:
# page -> Profile Service profile -> answer signed by a TEST device chain -> 301 -> page with a verdict.
#
#   infra/devices/play-phone.sh ca DIR
#       makes a test chain in DIR: test-ca.pem (give it to `./slipway local --device-ca DIR/test-ca.pem`),
#       an intermediate "device CA" and a device certificate, as Apple's chain has them.
#   infra/devices/play-phone.sh enrol DIR PAGE_URL [CURL_OPTIONS...]
#       enrols the test device from a build or app page link, e.g. with the local stack's authority:
#       infra/devices/play-phone.sh enrol /tmp/phone "https://127.0.0.1:8443/b/…?t=…" --cacert ~/.slipway/local/tls/ca.pem
#
# The answer carries UDID (env UDID, default a fixed test UDID), PRODUCT (env PRODUCT, default
# iPhone16,1), VERSION (21A329), SERIAL and DEVICE_NAME (env DEVICE_NAME). A real site accepts it
# only if it was started with the test authority added: Apple's own CA never signed it.
set -euo pipefail

die() { echo "play-phone: $*" >&2; exit 2; }

make_chain() {
  local dir=$1
  mkdir -p "$dir"
  cd "$dir"
  printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n' > device.ext
  openssl ecparam -name prime256v1 -genkey -noout -out test-ca.key 2>/dev/null
  openssl req -new -x509 -key test-ca.key -out test-ca.pem -days 365 -subj "/CN=Slipway Test Device Root CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
  openssl ecparam -name prime256v1 -genkey -noout -out intermediate.key 2>/dev/null
  openssl req -new -key intermediate.key -subj "/CN=Slipway Test iPhone Device CA" -out intermediate.csr
  openssl x509 -req -in intermediate.csr -CA test-ca.pem -CAkey test-ca.key -CAcreateserial -days 365 \
    -extfile ca.ext -out intermediate.pem 2>/dev/null
  openssl ecparam -name prime256v1 -genkey -noout -out device.key 2>/dev/null
  openssl req -new -key device.key -subj "/CN=$(uuidgen 2>/dev/null || echo 0028864F-4A2C-4C23-997D-E73E4A0838D3)" -out device.csr
  openssl x509 -req -in device.csr -CA intermediate.pem -CAkey intermediate.key -CAcreateserial -days 365 \
    -extfile device.ext -out device.pem 2>/dev/null
  echo "Test device chain in $dir: start the site with --device-ca $dir/test-ca.pem"
}

# The <string> after <key>NAME</key> in an XML plist (the profile is flat enough for this).
plist_string() {
  tr -d '\n\r' < "$2" | sed -n "s:.*<key>$1</key>[[:space:]]*<string>\([^<]*\)</string>.*:\1:p"
}

enrol() {
  local dir=$1 page=$2
  shift 2
  [[ -f $dir/device.pem ]] || die "no test chain in $dir: run '$0 ca $dir' first"
  [[ $page =~ ^(https://[^/]+)(/[ab]/[^?]+)\?t=([A-Za-z0-9_-]+)$ ]] || die "not a build or app page link: $page"
  local origin=${BASH_REMATCH[1]} path=${BASH_REMATCH[2]} token=${BASH_REMATCH[3]}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  local status
  status=$(curl -sS "$@" -o /dev/null -w '%{http_code}' "$page")
  echo "1. page            $path -> HTTP $status"
  [[ $status == 200 ]] || die "the page did not open"

  status=$(curl -sS "$@" -o "$work/profile.mobileconfig" -w '%{http_code} %{content_type}' "$origin/enrol$path?t=$token")
  echo "2. profile         /enrol$path -> HTTP $status"
  [[ $status == "200 application/x-apple-aspen-config" ]] || die "no Profile Service profile"
  local url challenge
  url=$(plist_string URL "$work/profile.mobileconfig")
  challenge=$(plist_string Challenge "$work/profile.mobileconfig")
  [[ -n $url && -n $challenge ]] || die "the profile has no URL or Challenge"
  echo "                   PayloadType $(plist_string PayloadType "$work/profile.mobileconfig"), answers to $url"

  cat > "$work/answer.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CHALLENGE</key>
	<string>$challenge</string>
	<key>DEVICE_NAME</key>
	<string>${DEVICE_NAME:-Test iPhone}</string>
	<key>PRODUCT</key>
	<string>${PRODUCT:-iPhone16,1}</string>
	<key>SERIAL</key>
	<string>F2LXK0TEST01</string>
	<key>UDID</key>
	<string>${UDID:-00008130-001A2B3C4D5E6F70}</string>
	<key>VERSION</key>
	<string>21A329</string>
</dict>
</plist>
PLIST
  openssl cms -sign -nodetach -binary -outform DER -in "$work/answer.plist" -signer "$dir/device.pem" \
    -inkey "$dir/device.key" -certfile "$dir/intermediate.pem" -out "$work/answer.p7s"
  local answer
  answer=$(curl -sS "$@" -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Content-Type: application/pkcs7-signature' \
    --data-binary "@$work/answer.p7s" "$url")
  echo "3. signed answer   POST ${url#"$origin"} ($(wc -c < "$work/answer.p7s" | tr -d ' ') bytes) -> HTTP ${answer%% *}"
  [[ ${answer%% *} == 301 ]] || die "the answer was refused (see the site's log for the reason)"
  local location=${answer#* }
  echo "4. redirect        ${location%%\?*}?t=…&device=…"

  curl -sS "$@" -o "$work/page.html" -b "$work/cookies" -c "$work/cookies" -L "$location"
  local verdict
  verdict=$(tr -d '\n' < "$work/page.html" | grep -o 'data-verdict="[a-z-]*"' | head -1 || true)
  echo "5. page again      ${verdict:-no verdict on the page}"
}

case ${1:-} in
  ca) [[ $# == 2 ]] || die "usage: $0 ca DIR"; make_chain "$2" ;;
  enrol) [[ $# -ge 3 ]] || die "usage: $0 enrol DIR PAGE_URL [CURL_OPTIONS...]"; enrol "$2" "$3" "${@:4}" ;;
  *) die "usage: $0 ca DIR | $0 enrol DIR PAGE_URL [CURL_OPTIONS...]" ;;
esac
