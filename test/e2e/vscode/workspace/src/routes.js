// Orders API routes (Express): the fixture the real-editor tests hover, diagnose and navigate.
const express = require('express');

const router = express.Router();

router.get('/orders', (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  res.set('Link', '</orders?cursor=next>; rel="next"');
  res.json({ items: [], limit });
});

router.delete('/orders/:id', (req, res) => {
  if (!req.user || !req.user.isAdmin) {
    return res.status(403).json({ error: 'forbidden' });
  }
  res.status(204).end();
});

router.post('/orders/:id/cancel', (req, res) => {
  res.status(499).json({ error: 'client closed request' });
});

module.exports = router;
