// Orders API on Express: a typical mix of good and questionable status codes.
const express = require('express');
const { StatusCodes } = require('http-status-codes');

const router = express.Router();

router.post('/orders', async (req, res) => {
  const order = await req.app.locals.orders.create(req.body);
  res.location(`/orders/${order.id}`);
  res.status(StatusCodes.CREATED).json(order);
});

router.get('/orders/:id', async (req, res) => {
  const order = await req.app.locals.orders.find(req.params.id);
  if (!order) return res.status(404).json({ title: 'Order not found' });
  if (order.movedTo) return res.redirect(302, `/orders/${order.movedTo}`);
  res.set('Cache-Control', 'private, max-age=60');
  res.json(order);
});

router.patch('/orders/:id', async (req, res) => {
  if (req.app.locals.orders.isLocked(req.params.id)) {
    res.set('Retry-After', '30');
    return res.status(StatusCodes.TOO_MANY_REQUESTS).end();
  }
  res.sendStatus(204);
});

// The client went away before the export finished: nginx logs this as 499.
router.get('/orders/export', (req, res) => {
  req.on('close', () => {
    if (!res.writableEnded) res.status(499).end();
  });
});

module.exports = router;
