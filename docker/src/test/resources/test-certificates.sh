#!/usr/bin/env bash
# Test-only TLS material in the layout Let's Encrypt gives: a root CA (root.pem, which only the test client trusts),
# an intermediate CA, and for the server fullchain.pem (server certificate, then the intermediate) and privkey.pem.
#   test-certificates.sh DIRECTORY HOSTNAME
set -euo pipefail
dir="$1"
host="$2"
mkdir -p "$dir"
cd "$dir"
days=2

openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days "$days" -subj "/CN=Alexa linking test root CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

openssl req -newkey rsa:2048 -nodes -keyout intermediate.key -out intermediate.csr -subj "/CN=Alexa linking test intermediate CA" 2>/dev/null
printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > intermediate.ext
openssl x509 -req -in intermediate.csr -CA root.pem -CAkey root.key -CAcreateserial -days "$days" \
  -extfile intermediate.ext -out intermediate.pem 2>/dev/null

openssl req -newkey rsa:2048 -nodes -keyout privkey.pem -out server.csr -subj "/CN=$host" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s\n' "$host" > server.ext
openssl x509 -req -in server.csr -CA intermediate.pem -CAkey intermediate.key -CAcreateserial -days "$days" \
  -extfile server.ext -out server.pem 2>/dev/null

cat server.pem intermediate.pem > fullchain.pem
# The container runs as uid 1000: the key must be readable by it.
chmod 644 privkey.pem fullchain.pem
rm -f ./*.csr ./*.ext ./*.srl root.key intermediate.key
