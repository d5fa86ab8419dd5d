"""A private OpenSSH server on 127.0.0.1, so a test can reach gradstep the way a classroom does.

Students log in over SSH: the app must draw through a remote pty and, when the link drops,
get its hangup and leave. Only a real sshd shows that. Everything it uses (host key, client
key, authorized_keys, config, pid file, log) is throwaway, in the test's tmp_path; the
machine's own sshd and ~/.ssh are never touched. In CI a missing sshd fails the test.
"""

import os
import pwd
import shlex
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .tmux import require

SSHD = "/usr/sbin/sshd"  # sshd refuses to start unless run by its absolute path
PRIVILEGE_SEPARATION = Path("/run/sshd")  # sshd exits at once if this is missing


class SSHServer:
    """A running sshd that accepts one key, for the user running the tests."""

    def __init__(self, port: int, key: Path) -> None:
        self.port = port
        self.key = key
        self.user = pwd.getpwuid(os.getuid()).pw_name

    def command(self, *remote: str, port: int | None = None, compress: bool = False) -> list[str]:
        """The ssh command line that runs `remote` on this server, in a pty (-tt).

        `port`: connect there instead (a relay in front of the server); `compress`: ssh -C.
        """
        return ["ssh", "-tt", *(["-C"] if compress else []), "-p", str(port or self.port), "-i", str(self.key),
                "-F", "/dev/null",  # none of the developer's ssh settings
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG",
                f"{self.user}@127.0.0.1", shlex.join(remote)]  # the remote shell splits it again


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


def _config(folder: Path, port: int) -> Path:
    config = folder / "sshd_config"
    config.write_text(f"""\
ListenAddress 127.0.0.1
Port {port}
HostKey {folder / "host_key"}
PidFile {folder / "sshd.pid"}
AuthorizedKeysFile {folder / "authorized_keys"}
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
StrictModes no
PermitUserRC no
AcceptEnv LANG LC_*
PrintMotd no
PrintLastLog no
""")
    return config


def _wait_until_listening(server: subprocess.Popen, port: int, log: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"sshd did not start listening on port {port}; its log:\n{log.read_text()}")
            time.sleep(0.05)


@contextmanager
def private_sshd(folder: Path) -> Iterator[SSHServer]:
    """An SSHServer on a free port, its keys, config and log in `folder`, stopped on leaving
    (the ssh tests and the classroom benchmark both start theirs here)."""
    PRIVILEGE_SEPARATION.mkdir(mode=0o755, exist_ok=True)
    _keygen(folder / "host_key")
    _keygen(folder / "client_key")
    (folder / "authorized_keys").write_text((folder / "client_key.pub").read_text())
    port = _free_port()
    log = folder / "sshd.log"
    with log.open("w") as log_file:
        server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(_config(folder, port))],
                                  stdout=log_file, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(server, port, log)
        yield SSHServer(port, folder / "client_key")
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def ssh_server(tmp_path):
    """An SSHServer on a free port, stopped when the test ends."""
    for tool in ("ssh", "ssh-keygen", SSHD):
        require(tool)
    folder = tmp_path / "sshd"
    folder.mkdir()
    with private_sshd(folder) as server:
        yield server
