#!/usr/bin/python3
"""A mail server on loopback for Vigil's e-mail alert tests (aiosmtpd, Debian's python3-aiosmtpd).

It listens on 127.0.0.1 on a free port and prints "READY <port>" once it accepts connections. Modes (--tls):
  starttls  STARTTLS offered and required before anything else, AUTH offered only after it (the usual submission
            server on port 587)
  implicit  TLS from the first byte (port 465 style)
  none      no TLS at all; AUTH offered in the clear, so a client that does not insist on STARTTLS would log in
With --user and --password, AUTH PLAIN and LOGIN are required and checked against them.

Each message received is written to --dir as <n>.eml (the bytes as received). Every step of every session is appended
to <dir>/events.log, one line each: CONNECT, EHLO, STARTTLS, AUTH <mechanism> ok|refused, MAIL, RCPT, DATA, so a
test can tell that a client never logged in or never sent.
"""

import argparse
import logging
import asyncio
import os
import ssl
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    print("NO-AIOSMTPD: install it with: apt-get install -y python3-aiosmtpd", flush=True)
    sys.exit(3)


class Receiver:
    def __init__(self, directory, user, password):
        self.directory = directory
        self.user = user
        self.password = password
        self.count = 0
        self.events = open(os.path.join(directory, "events.log"), "a", buffering=1)

    def event(self, line):
        self.events.write(line + "\n")

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == self.user.encode()
              and auth_data.password == self.password.encode())
        self.event("AUTH " + mechanism + (" ok" if ok else " refused"))
        return AuthResult(success=ok, handled=False)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.event("EHLO")
        session.host_name = hostname
        return responses

    def handle_STARTTLS(self, server, session, envelope):
        self.event("STARTTLS")
        return True

    async def handle_MAIL(self, server, session, envelope, address, options):
        self.event("MAIL")
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        self.event("RCPT")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.directory, "%d.eml" % self.count)
        with open(name + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name)
        self.event("DATA")
        return "250 OK: queued as %d" % self.count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, help="where messages and events.log go")
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--cert", help="PEM certificate (starttls, implicit)")
    parser.add_argument("--key", help="PEM private key (starttls, implicit)")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd warns of its own deprecations per login

    receiver = Receiver(args.dir, args.user, args.password)
    context = None
    if args.tls != "none":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    auth = bool(args.user)

    def session():
        receiver.event("CONNECT")
        return SMTP(
            receiver,
            hostname="localhost",
            tls_context=context if args.tls == "starttls" else None,
            require_starttls=args.tls == "starttls",
            auth_required=auth,
            # with implicit TLS the whole session is encrypted; in "none" AUTH is offered in the clear on purpose
            auth_require_tls=args.tls == "starttls",
            authenticator=receiver.authenticate if auth else None,
            timeout=30,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        session, host="127.0.0.1", port=0, ssl=context if args.tls == "implicit" else None))
    print("READY %d" % server.sockets[0].getsockname()[1], flush=True)
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
