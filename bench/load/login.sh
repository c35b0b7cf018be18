#!/usr/bin/env bash
# Signs one account in through the real login form (antiforgery token, password, and for committee accounts the TOTP
# code computed from the key seed-scale bound) and prints one line: the cookies to send ("name=value; name=value"),
# a tab, and the antiforgery token the JSON API wants in X-CSRF-TOKEN (GET /api/antiforgery).
#   bash bench/load/login.sh http://127.0.0.1:5305 reviewer1@scale.biaogan.cn Demo2026pass [TOTP_BASE32_KEY]
set -euo pipefail
BASE=$1; EMAIL=$2; PASSWORD=$3; KEY=${4:-}
JAR=$(mktemp /tmp/biaogan-jar-XXXXXX); trap 'rm -f "$JAR"' EXIT
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/Login" | token)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/Account/Login"
if [[ -n "$KEY" ]]; then
  CODE=$(python3 -c 'import base64,hmac,hashlib,struct,sys,time
k=base64.b32decode(sys.argv[1].upper()+"="*(-len(sys.argv[1])%8)); c=struct.pack(">Q",int(time.time())//30)
h=hmac.new(k,c,hashlib.sha1).digest(); o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$KEY")
  T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/LoginWith2fa" | token)
  curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.Code=$CODE" --data-urlencode "__RequestVerificationToken=$T" \
    "$BASE/Account/LoginWith2fa"
fi
grep -q 'biaogan.auth' "$JAR" || { echo "login failed for $EMAIL" >&2; exit 1; }
API=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/api/antiforgery" | sed 's/.*"token":"\([^"]*\)".*/\1/')
COOKIES=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 } } END { print "" }' "$JAR")
printf '%s\t%s\n' "$COOKIES" "$API"
