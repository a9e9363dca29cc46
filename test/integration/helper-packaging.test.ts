// The packaging, verified offline: electron-builder runs with `electronDist` pointed
// at a stub Electron (a script that emulates only ELECTRON_RUN_AS_NODE=1) and
// `npmRebuild: false`. The unpacked tree and its asar are inspected; the deb and rpm
// targets stop just before fpm (electron-builder's effectiveOptionComputed hook) and
// their fpm arguments — what goes to which system path — are checked; the AppImage
// target likewise stops after computing its desktop entry. Then the packaged wrapper
// and CLI are run for real against the packaged tree.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperClient, INSTALLED_HELPER_PATH, POLKIT_ACTION } from '../../host/helper-client/index.js';
import { HostError } from '../../host/host-error.js';
import { ensureBuilt } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason as nsSkipReason } from './harness/preconditions.js';
import { run } from './harness/run.js';
import { createTopology, type Topology } from './harness/topology.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const config = JSON.parse(readFileSync(join(repo, 'build/electron-builder.json'), 'utf8'));
const SYSTEM_FILES = {
  'build/linux/switchyard-helper': INSTALLED_HELPER_PATH,
  'build/linux/switchyard': '/usr/bin/switchyard',
  'build/linux/org.switchyard.switchyard.policy':
    '/usr/share/polkit-1/actions/org.switchyard.switchyard.policy',
  'build/linux/switchyard-autostart.service': '/usr/lib/systemd/system/switchyard-autostart.service',
};

interface FpmCapture {
  args: string[];
  desktop: string;
  afterInstall: string;
  afterRemove: string;
}

function du(path: string): number {
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Electron's fuse wire: this sentinel, a version byte (1), a length byte, then one
 * byte per fuse ('1' on, '0' off, 'r' removed), in this order.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** An unflipped Electron's defaults: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on. */
const STOCK_WIRE = '10110001';

function fuseWire(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  if (at < FUSE_SENTINEL.length) throw new Error(`${binary} has no fuse wire`);
  const length = bytes[at + 1]!;
  const states = bytes.subarray(at + 2, at + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, states[i] === '1']));
}

describe('packages (offline electron-builder with a stub Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sy-pack-'));
  const out = join(work, 'release');
  const unpacked = join(out, 'linux-unpacked');
  const fpm: Record<string, FpmCapture> = {};
  let appImageDesktop = '';
  let asarFiles: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    if (!existsSync(join(repo, 'dist/main/electron/main.js')))
      execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'main/electron'], {
        cwd: repo,
      });
    const stub = join(work, 'electron-stub');
    mkdirSync(stub);
    // The comment line carries a fuse wire with Electron's stock settings, for the packaging step to flip.
    writeFileSync(
      join(stub, 'electron'),
      `#!/bin/sh\n# Stand-in for the Electron binary: only its Node mode is emulated.\n# ${FUSE_SENTINEL}\x01\x08${STOCK_WIRE}\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo 'stub electron: only ELECTRON_RUN_AS_NODE=1 works offline' >&2; exit 1; }\nexec ${process.execPath} "$@"\n`,
      { mode: 0o755 },
    );
    for (const f of ['chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(stub, f), '');
    writeFileSync(join(stub, 'version'), '45.5.0');
    mkdirSync(join(stub, 'resources'));
    await build({
      projectDir: repo,
      targets: Platform.LINUX.createTarget(['dir', 'deb', 'rpm', 'AppImage'], Arch.x64),
      config: {
        ...config,
        electronDist: stub,
        npmRebuild: false,
        directories: { ...config.directories, output: out },
      },
      // Called by each target just before its external tool; true skips the tool.
      effectiveOptionComputed: async (options: unknown) => {
        if (Array.isArray(options)) {
          const [args, desktopFile] = options as [string[], string];
          const target = args[args.indexOf('--package') + 1]!.endsWith('.rpm') ? 'rpm' : 'deb';
          const script = (flag: string) => readFileSync(args[args.indexOf(flag) + 1]!, 'utf8');
          fpm[target] = {
            args: [...args],
            desktop: readFileSync(desktopFile, 'utf8'),
            afterInstall: script('--after-install'),
            afterRemove: script('--after-remove'),
          };
        } else if (options && typeof options === 'object' && 'desktop' in options) {
          appImageDesktop = String((options as { desktop: string }).desktop);
        }
        return true;
      },
    });
    asarFiles = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false });
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lays out the app: Electron renamed, app.asar with main and its layers, tools beside it', () => {
    expect(statSync(join(unpacked, 'switchyard-app')).mode & 0o111).not.toBe(0);
    for (const f of [
      '/package.json',
      '/dist/main/electron/main.js',
      '/dist/core/definition.js',
      '/dist/contract/ipc.js',
      '/dist/host/networks/registry.js',
      '/node_modules/zod/package.json',
      '/node_modules/ws/package.json',
    ])
      expect(asarFiles).toContain(f);
    if (existsSync(join(repo, 'dist/renderer/index.html')))
      expect(asarFiles).toContain('/dist/renderer/index.html');
    const stray = asarFiles.filter(
      (f) => /\.(map|ts)$/.test(f) || f.startsWith('/dist/test') || f.startsWith('/dist/cli'),
    );
    expect(stray).toEqual([]);
    const appPackage = JSON.parse(
      extractFile(join(unpacked, 'resources/app.asar'), 'package.json').toString('utf8'),
    );
    expect(appPackage.main).toBe('dist/main/electron/main.js');
    expect(appPackage.desktopName).toBe('switchyard-app.desktop');

    const tools = join(unpacked, 'resources/tools');
    expect(JSON.parse(readFileSync(join(tools, 'package.json'), 'utf8')).type).toBe('module');
    for (const f of [
      'dist/helper/main.js',
      'dist/cli/main.js',
      'dist/contract/helper.js',
      'node_modules/zod/package.json',
      // The root helper's native process starter, beside the package.json it is found by.
      'native/build/Release/switchyard_native.node',
    ])
      expect(existsSync(join(tools, f)), f).toBe(true);
    const sizes = {
      tree: du(unpacked),
      asar: statSync(join(unpacked, 'resources/app.asar')).size,
      unpackedNative: du(join(unpacked, 'resources/app.asar.unpacked')),
      tools: du(tools),
    };
    console.log(
      `packaged tree without the Electron runtime: ${mib(sizes.tree)} (app.asar ${mib(sizes.asar)}, asar.unpacked ${mib(sizes.unpackedNative)}, tools ${mib(sizes.tools)})`,
    );
  });

  it('flips the fuses: Node mode stays (the helper and CLI need it), NODE_OPTIONS, --inspect and file:// privileges go', () => {
    expect(fuseWire(join(work, 'electron-stub', 'electron'))).toMatchObject({
      enableNodeCliInspectArguments: true,
    });
    expect(fuseWire(join(unpacked, 'switchyard-app'))).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it.each(['deb', 'rpm'])(
    '%s installs helper, policy, unit, CLI, desktop entry and icon to system paths',
    (target) => {
      const capture = fpm[target];
      expect(capture, `${target} target did not reach fpm`).toBeDefined();
      const { args } = capture!;
      // Dependencies go to fpm as -d flags outside these arguments; the config names them.
      expect(config[target].depends).toContain(target === 'deb' ? 'pkexec | policykit-1' : 'polkit');
      for (const [from, to] of Object.entries(SYSTEM_FILES)) {
        expect(args).toContain(`${from}=${to}`);
        expect(existsSync(join(repo, from)), from).toBe(true);
      }
      expect(args).toContain(`${unpacked}/=/opt/Switchyard`);
      expect(args.some((a) => a.endsWith('=/usr/share/applications/switchyard-app.desktop'))).toBe(true);
      expect(args.some((a) => a.endsWith('=/usr/share/icons/hicolor/scalable/apps/switchyard-app.svg'))).toBe(
        true,
      );
      expect(capture!.desktop).toContain('Exec=/opt/Switchyard/switchyard-app %U');
      expect(capture!.desktop).toContain('Icon=switchyard-app');
      expect(capture!.desktop).toContain('Categories=System;Network;');
      expect(capture!.desktop).toContain('StartupWMClass=switchyard-app');
      expect(capture!.afterInstall).toContain('systemctl enable switchyard-autostart.service');
      expect(capture!.afterInstall).toContain(
        "ln -sf '/opt/Switchyard/switchyard-app' '/usr/bin/switchyard-app'",
      );
      expect(capture!.afterInstall + capture!.afterRemove).not.toMatch(/\$\{/);
      expect(capture!.afterRemove).toContain('systemctl disable switchyard-autostart.service');
    },
  );

  it('AppImage gets a desktop entry (it carries no root helper: it uses a system-installed one)', () => {
    expect(appImageDesktop).toContain('Exec=AppRun --no-sandbox %U');
    expect(appImageDesktop).toContain('Name=Switchyard');
  });

  it('the polkit action asks once per session for the installed helper, and the unit autostarts at boot', () => {
    const policy = readFileSync(join(repo, 'build/linux/org.switchyard.switchyard.policy'), 'utf8');
    expect(policy).toContain(`<action id="${POLKIT_ACTION}">`);
    expect(policy).toContain('<allow_active>auth_admin_keep</allow_active>');
    expect(policy).toContain(
      `<annotate key="org.freedesktop.policykit.exec.path">${INSTALLED_HELPER_PATH}</annotate>`,
    );
    const unit = readFileSync(join(repo, 'build/linux/switchyard-autostart.service'), 'utf8');
    for (const line of [
      'Type=oneshot',
      'After=network-pre.target',
      'ExecStart=/usr/bin/switchyard autostart',
      'KillMode=process',
    ])
      expect(unit).toContain(line);
    const wrapper = readFileSync(join(repo, 'build/linux/switchyard-helper'), 'utf8');
    expect(wrapper).toMatch(/^ELECTRON_RUN_AS_NODE=1$/m);
    expect(wrapper).not.toContain('"$@"');
    expect(statSync(join(repo, 'build/linux/switchyard-helper')).mode & 0o755).toBe(0o755);
  });

  /** A build/linux script with /opt/Switchyard pointed at the unpacked tree. */
  function relocated(script: string): string {
    const path = join(work, script);
    writeFileSync(
      path,
      readFileSync(join(repo, 'build/linux', script), 'utf8').replaceAll('/opt/Switchyard', unpacked),
    );
    chmodSync(path, 0o755);
    return path;
  }

  it('the packaged CLI runs from the tools tree through its wrapper', async () => {
    const dirs = join(work, 'state');
    const env = {
      ...process.env,
      SWITCHYARD_CONFIG_DIR: join(dirs, 'config'),
      SWITCHYARD_RUN_DIR: join(dirs, 'run'),
      SWITCHYARD_STATE_DIR: join(dirs, 'state'),
    };
    const cli = relocated('switchyard');
    const file = join(work, 'pack.xml');
    writeFileSync(file, netXml({ name: 'pack', bridge: 'sypack0', net: '192.168.183', mode: 'nat' }));
    expect(await run(cli, ['net-validate', file], { env })).toMatchObject({
      code: 0,
      stdout: `Network definition ${file} is valid\n`,
    });
    const list = await run(cli, ['net-list', '--all'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Name');
  });

  it.skipIf(nsSkipReason !== undefined)(
    'the packaged helper answers through its wrapper, in a namespace',
    async () => {
      const topo: Topology = await createTopology();
      const client = new HelperClient({
        command: {
          launcher: ['ip', 'netns', 'exec', topo.host],
          helperPath: relocated('switchyard-helper'),
          env: topo.env,
        },
        startTimeoutMs: 60_000,
      });
      try {
        const err = await client.start('ghost').then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(HostError);
        expect((err as HostError).code).toBe('not-found');
      } finally {
        await client.close();
        await topo.cleanup();
      }
    },
  );
});
