/**
 * The in-page VM's image manifest (static/vm/manifest.json, written by `npm run vm:image`) as tables:
 * the packages with versions, licences and source links, and the shipped files with their sizes and
 * sha256. Read at build time, so the page always states what is actually shipped.
 */
import React from 'react';
import manifest from '@site/static/vm/manifest.json';

interface Pkg {
  name: string;
  version: string;
  arch: string;
  licence: string;
  source: string;
  builtUsing: Array<{ name: string; version: string; licence: string; source: string }>;
}
interface ShippedFile {
  path: string;
  sha256: string;
  bytes: number;
  from: string;
}
const m = manifest as unknown as {
  emulator: { name: string; version: string; licence: string; source: string };
  cmdline: string;
  kernel: { release: string; sourcePackage: string; sourceVersion: string; source: string; licence: string; compiler: string; buildTimestamp: string };
  packages: Pkg[];
  files: ShippedFile[];
};

export function PackageTable(): React.JSX.Element {
  return (
    <table>
      <caption>What the VM is made of</caption>
      <thead>
        <tr>
          <th scope="col">Package</th>
          <th scope="col">Version</th>
          <th scope="col">Licence</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>
            npm <code>{m.emulator.name}</code> (the emulator)
          </td>
          <td>{m.emulator.version}</td>
          <td>{m.emulator.licence}</td>
          <td>
            <a href={m.emulator.source}>{m.emulator.source}</a>
          </td>
        </tr>
        {m.packages.flatMap((p) => [
          <tr key={p.name}>
            <td>
              Debian <code>{p.name}</code> ({p.arch})
            </td>
            <td>{p.version}</td>
            <td>{p.licence}</td>
            <td>
              <a href={p.source}>{p.source}</a>
            </td>
          </tr>,
          ...p.builtUsing.map((b) => (
            <tr key={`${p.name}/${b.name}`}>
              <td>
                built using <code>{b.name}</code> (in {p.name})
              </td>
              <td>{b.version}</td>
              <td>{b.licence}</td>
              <td>
                <a href={b.source}>{b.source}</a>
              </td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}

export function FileTable(): React.JSX.Element {
  // The table scrolls sideways on narrow screens: its wrapper takes focus so a keyboard can scroll it.
  return (
    <div role="region" aria-label="Files in static/vm/" tabIndex={0} style={{ overflowX: 'auto', marginBottom: 'var(--ifm-spacing-vertical)' }}>
      <table style={{ display: 'table', marginBottom: 0 }}>
        <caption>Files in static/vm/, as the manifest lists them</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">From</th>
            <th scope="col">sha256 (first 16 hex digits)</th>
          </tr>
        </thead>
        <tbody>
          {m.files.map((f) => (
            <tr key={f.path}>
              <td>
                <code>{f.path}</code>
              </td>
              <td>{f.bytes >= 1048576 ? `${(f.bytes / 1048576).toFixed(1)} MB` : `${(f.bytes / 1024).toFixed(1)} KB`}</td>
              <td>{f.from}</td>
              <td>
                <code>{f.sha256.slice(0, 16)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function KernelCommandLine(): React.JSX.Element {
  return <code>{m.cmdline}</code>;
}

/** Which kernel the guest runs and the exact source it was compiled from. */
export function KernelSource(): React.JSX.Element {
  const k = m.kernel;
  return (
    <>
      Linux <code>{k.release}</code>, from Debian <code>{k.sourcePackage}</code> {k.sourceVersion} (source: <a href={k.source}>{k.source}</a>, {k.licence}),
      compiled by {k.compiler} with a fixed build date ({k.buildTimestamp}), user and host, so the same source and compiler give the same bzImage.
    </>
  );
}
