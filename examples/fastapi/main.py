"""Inventory API on FastAPI."""
from fastapi import FastAPI, HTTPException, Response, status

app = FastAPI()
STOCK: dict[str, int] = {}


@app.get("/items/{sku}")
def read_item(sku: str):
    if sku not in STOCK:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Unknown SKU")
    return {"sku": sku, "quantity": STOCK[sku]}


@app.put("/items/{sku}", status_code=status.HTTP_201_CREATED)
def put_item(sku: str, quantity: int):
    STOCK[sku] = quantity
    return {"sku": sku, "quantity": quantity}


@app.post("/items/{sku}/reserve")
def reserve(sku: str, response: Response):
    if STOCK.get(sku, 0) == 0:
        response.headers["Retry-After"] = "3600"
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
    STOCK[sku] -= 1
    return {"reserved": sku}


@app.get("/teapot")
def brew():
    # An easter egg that made it into production.
    raise HTTPException(status_code=418, detail="I'm a teapot")
