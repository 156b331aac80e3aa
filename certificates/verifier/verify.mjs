#!/usr/bin/env node
// An independent check of what Aula signs: Digital Bazaar's verifiers, not our Python code,
// fully offline. Contexts come from the pinned files the signer uses; the DID document and the
// status list credential are given as files.
//
//   node certificates/verifier/verify.mjs --credential c.json --did-document did.json \
//     [--status-list list.json]
//
// Prints {"verified": bool, "revoked": bool|null, "errors": [...]}; revoked is null when no list
// was given or the signature failed. Exit code: 0 verified and not revoked, 2 revoked, 1 invalid.
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const CONTEXTS = join(
  dirname(fileURLToPath(import.meta.url)), '..', 'credentials', 'contexts');
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function pinnedContexts() {
  const index = await readJson(join(CONTEXTS, 'index.json'));
  const documents = new Map();
  for(const [url, {file}] of Object.entries(index)) {
    documents.set(url, await readJson(join(CONTEXTS, file)));
  }
  return documents;
}

function makeDocumentLoader({contexts, didDocument, statusList}) {
  return async url => {
    let document = contexts.get(url);
    if(!document && url === didDocument.id) {
      document = didDocument;
    }
    if(!document && url.startsWith(`${didDocument.id}#`)) {
      const method = (didDocument.verificationMethod || []).find(
        m => m.id === url || `${didDocument.id}${m.id}` === url);
      if(!method) {
        throw new Error(`${url} is not a key of the DID document.`);
      }
      document = {'@context': MULTIKEY_CONTEXT, ...method};
    }
    if(!document && statusList && url === statusList.id) {
      document = statusList;
    }
    if(!document) {
      throw new Error(`${url} is not available offline (not pinned nor given).`);
    }
    return {contextUrl: null, documentUrl: url, document};
  };
}

// vc wraps the reasons that matter (a bad signature, an unknown key) in generic errors.
function messages(error) {
  if(!error) {
    return [];
  }
  return [
    error.message || String(error),
    ...(Array.isArray(error.errors) ? error.errors.flatMap(messages) : []),
    ...messages(error.cause),
  ];
}

async function main() {
  const {values} = parseArgs({options: {
    credential: {type: 'string'},
    'did-document': {type: 'string'},
    'status-list': {type: 'string'},
  }});
  if(!values.credential || !values['did-document']) {
    throw new Error(
      'usage: verify.mjs --credential c.json --did-document did.json ' +
      '[--status-list list.json]');
  }
  const credential = await readJson(values.credential);
  const didDocument = await readJson(values['did-document']);
  const statusList = values['status-list'] ?
    await readJson(values['status-list']) : null;
  const documentLoader = makeDocumentLoader(
    {contexts: await pinnedContexts(), didDocument, statusList});
  const suite = new DataIntegrityProof({cryptosuite});

  const result = await vc.verifyCredential({
    credential, suite, documentLoader,
    checkStatus: statusList ?
      options => checkStatus({...options, verifyMatchingIssuers: true}) :
      async () => ({verified: true, results: []}),
  });

  const errors = [
    ...messages(result.error),
    ...(result.results || []).flatMap(r => messages(r.error)),
    ...messages(result.statusResult?.error),
  ];
  // vc reports a revoked credential as verified with the status bit set: read the bit.
  let revoked = null;
  const statuses = result.statusResult?.results || [];
  if(statusList && result.statusResult?.verified) {
    revoked = statuses.some(
      s => s.credentialStatus?.statusPurpose === 'revocation' && s.status === true);
  }
  const verified = result.verified === true;
  if(revoked) {
    errors.push('The credential is revoked.');
  }
  process.stdout.write(JSON.stringify(
    {verified, revoked, errors: [...new Set(errors)]}, null, 2) + '\n');
  return verified && !revoked ? 0 : revoked ? 2 : 1;
}

main().then(code => {
  process.exitCode = code;
}, error => {
  process.stdout.write(JSON.stringify(
    {verified: false, revoked: null, errors: [error.message]}, null, 2) + '\n');
  process.exitCode = 1;
});
